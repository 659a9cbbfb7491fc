import type { ShippingZone } from '@haat/contracts';
import {
  BANGLADESH_DISTRICTS,
  DHAKA_SUBURB_AREAS,
  DHAKA_SUBURB_DISTRICTS,
} from './bangladesh-districts.data.js';

/** A destination as the quote API and order events give it. */
export interface Destination {
  country: string;
  district: string;
  area?: string | null;
  division?: string | null;
}

const key = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** Any spelling → canonical district name. */
const DISTRICTS = new Map<string, { name: string; division: string }>(
  Object.entries(BANGLADESH_DISTRICTS).flatMap(([division, districts]) =>
    districts.flatMap((names) => names.map((n) => [key(n), { name: names[0] as string, division }] as const)),
  ),
);
const SUBURB_DISTRICTS = new Set(DHAKA_SUBURB_DISTRICTS.map(key));
const SUBURB_AREAS = new Set(DHAKA_SUBURB_AREAS.map(key));

/** The canonical name of a Bangladesh district, or undefined when the name is no district. */
export function canonicalDistrict(name: string): string | undefined {
  return DISTRICTS.get(key(name))?.name;
}

/**
 * The zone a destination is priced in, or undefined when it is in none (a Bangladesh address
 * naming no district of Bangladesh). Outside Bangladesh is `international`; Dhaka district
 * outside its suburban upazilas is `inside_dhaka`; Gazipur, Narayanganj and Dhaka's suburban
 * upazilas are `dhaka_suburbs`; every other district is `outside_dhaka`.
 */
export function resolveShippingZone(destination: Destination): ShippingZone | undefined {
  if (destination.country.toUpperCase() !== 'BD') return 'international';
  const district = DISTRICTS.get(key(destination.district));
  if (!district) return undefined;
  const k = key(district.name);
  if (SUBURB_DISTRICTS.has(k)) return 'dhaka_suburbs';
  if (k === 'dhaka') {
    const area = destination.area ? key(destination.area) : '';
    return [...SUBURB_AREAS].some((s) => area === s || area.startsWith(s)) ? 'dhaka_suburbs' : 'inside_dhaka';
  }
  return 'outside_dhaka';
}
