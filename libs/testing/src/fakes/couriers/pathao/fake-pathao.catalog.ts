/** A Pathao city with its zones and their areas (a small deterministic tree for tests and the demo). */
export interface PathaoCity {
  city_id: number;
  city_name: string;
  zones: { zone_id: number; zone_name: string; areas: PathaoArea[] }[];
}

export interface PathaoArea {
  area_id: number;
  area_name: string;
  home_delivery_available: boolean;
  pickup_available: boolean;
}

const area = (id: number, name: string, home = true): PathaoArea => ({
  area_id: id,
  area_name: name,
  home_delivery_available: home,
  pickup_available: true,
});

/** Cities → zones → areas the fake serves. City 1 is Dhaka, as on Pathao. */
export const PATHAO_LOCATIONS: readonly PathaoCity[] = [
  {
    city_id: 1,
    city_name: 'Dhaka',
    zones: [
      { zone_id: 1, zone_name: 'Dhanmondi', areas: [area(101, 'Dhanmondi 27'), area(102, 'Jigatola')] },
      { zone_id: 2, zone_name: 'Gulshan', areas: [area(111, 'Gulshan 1'), area(112, 'Gulshan 2')] },
      { zone_id: 3, zone_name: 'Mirpur', areas: [area(121, 'Mirpur 10'), area(122, 'Pallabi')] },
      { zone_id: 4, zone_name: 'Uttara', areas: [area(131, 'Sector 7'), area(132, 'Diabari', false)] },
      { zone_id: 5, zone_name: 'Savar', areas: [area(141, 'Savar Bazar'), area(142, 'Ashulia')] },
    ],
  },
  {
    city_id: 2,
    city_name: 'Chattogram',
    zones: [
      { zone_id: 20, zone_name: 'Agrabad', areas: [area(201, 'Agrabad C/A')] },
      { zone_id: 21, zone_name: 'Panchlaish', areas: [area(211, 'Panchlaish R/A')] },
    ],
  },
  {
    city_id: 3,
    city_name: 'Sylhet',
    zones: [
      { zone_id: 30, zone_name: 'Zindabazar', areas: [area(301, 'Zindabazar'), area(302, 'Jaflong', false)] },
    ],
  },
  {
    city_id: 4,
    city_name: 'Gazipur',
    zones: [{ zone_id: 40, zone_name: 'Tongi', areas: [area(401, 'Tongi Bazar')] }],
  },
  {
    city_id: 5,
    city_name: 'Narayanganj',
    zones: [{ zone_id: 50, zone_name: 'Fatullah', areas: [area(501, 'Fatullah Bazar')] }],
  },
];

/** The zone ids of Dhaka's suburbs in the fake (priced between city and outside). */
const SUBURB_CITIES = new Set([4, 5]);
const SUBURB_ZONES = new Set([5]);

/** Price plan of the fake: BDT, by city and weight, like Pathao's published tariff in shape. */
export function pathaoPrice(input: {
  cityId: number;
  zoneId: number;
  weightKg: number;
  deliveryType: number;
}): {
  price: number;
  discount: number;
  promo_discount: number;
  additional_charge: number;
  final_price: number;
} {
  const inside = input.cityId === 1 && !SUBURB_ZONES.has(input.zoneId);
  const suburb = SUBURB_CITIES.has(input.cityId) || SUBURB_ZONES.has(input.zoneId);
  const [first, perKg] = inside ? [60, 15] : suburb ? [80, 20] : [110, 20];
  const extraKg = Math.max(0, Math.ceil(input.weightKg - 1));
  const base = input.weightKg <= 0.5 ? first : first + 10;
  const price = base + extraKg * perKg;
  const additional = input.deliveryType === 12 ? 40 : 0;
  return {
    price,
    discount: 0,
    promo_discount: 0,
    additional_charge: additional,
    final_price: price + additional,
  };
}

export function findPathaoCity(cityId: number): PathaoCity | undefined {
  return PATHAO_LOCATIONS.find((c) => c.city_id === cityId);
}

export function findPathaoZone(zoneId: number) {
  for (const city of PATHAO_LOCATIONS) {
    const zone = city.zones.find((z) => z.zone_id === zoneId);
    if (zone) return { city, zone };
  }
  return undefined;
}
