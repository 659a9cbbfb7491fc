import { type FakeRequest, type FakeResponse, jsonBody } from '../../payments/fake-http.server.js';
import { PATHAO_LOCATIONS, findPathaoCity, findPathaoZone, pathaoPrice } from './fake-pathao.catalog.js';
import type { PathaoMerchant } from './fake-pathao.state.js';
import type { FieldErrors } from './fake-pathao.validation.js';

type Body = Record<string, unknown>;

export const pathaoSuccess = (message: string, data: unknown, code = 200): FakeResponse => ({
  status: code,
  body: { message, type: 'success', code, data },
});
export const pathaoInvalid = (errors: FieldErrors): FakeResponse => ({
  status: 422,
  body: { message: 'Please fix the given errors', type: 'error', code: 422, errors },
});
export const pathaoList = (data: unknown[]): FakeResponse =>
  pathaoSuccess('Data fetched', { data, total: data.length, current_page: 1, per_page: 1000, last_page: 1 });

/** `GET city-list`. */
export function pathaoCities(): FakeResponse {
  return pathaoList(PATHAO_LOCATIONS.map((c) => ({ city_id: c.city_id, city_name: c.city_name })));
}

/** `GET cities/{id}/zone-list`. */
export function pathaoZones(cityId: number): FakeResponse {
  const city = findPathaoCity(cityId);
  return pathaoList(city ? city.zones.map((z) => ({ zone_id: z.zone_id, zone_name: z.zone_name })) : []);
}

/** `GET zones/{id}/area-list`. */
export function pathaoAreas(zoneId: number): FakeResponse {
  return pathaoList(findPathaoZone(zoneId)?.zone.areas ?? []);
}

/** `POST stores`: validated, added pending approval. */
export function pathaoCreateStore(
  req: FakeRequest,
  m: PathaoMerchant,
  nextStoreId: () => number,
): FakeResponse {
  const b = (jsonBody(req) ?? {}) as Body;
  const errors: FieldErrors = {};
  const text = (f: string, min: number, max: number) => {
    const v = b[f];
    if (typeof v !== 'string' || v.length < min || v.length > max)
      errors[f] = [`The ${f} must be between ${min} and ${max} characters.`];
  };
  text('name', 3, 50);
  text('contact_name', 3, 50);
  text('address', 15, 120);
  if (typeof b.contact_number !== 'string' || !/^\d{11}$/.test(b.contact_number))
    errors.contact_number = ['The contact number must be 11 digits.'];
  for (const f of ['city_id', 'zone_id', 'area_id'])
    if (!Number.isInteger(b[f])) errors[f] = [`The ${f} field is required.`];
  if (Object.keys(errors).length > 0) return pathaoInvalid(errors);
  m.stores.push({
    store_id: nextStoreId(),
    store_name: String(b.name),
    store_address: String(b.address),
    is_active: 0,
    city_id: Number(b.city_id),
    zone_id: Number(b.zone_id),
    hub_id: 11,
    is_default_store: false,
    is_default_return_store: false,
  });
  return pathaoSuccess('Store created successfully, Please wait one hour for approval.', {
    store_name: b.name,
  });
}

/** `POST merchant/price-plan`. */
export function pathaoPricePlan(req: FakeRequest, m: PathaoMerchant): FakeResponse {
  const b = (jsonBody(req) ?? {}) as Body;
  const errors: FieldErrors = {};
  if (!m.stores.some((s) => s.store_id === b.store_id))
    errors.store_id = ['The selected store id is invalid.'];
  if (b.item_type !== 1 && b.item_type !== 2) errors.item_type = ['The selected item type is invalid.'];
  if (b.delivery_type !== 48 && b.delivery_type !== 12)
    errors.delivery_type = ['The selected delivery type is invalid.'];
  const weight = Number(b.item_weight);
  if (!Number.isFinite(weight) || weight < 0.5 || weight > 10)
    errors.item_weight = ['The item weight must be between 0.5 and 10.'];
  if (!findPathaoCity(Number(b.recipient_city)))
    errors.recipient_city = ['The selected recipient city is invalid.'];
  const zone = findPathaoZone(Number(b.recipient_zone));
  if (!zone || zone.city.city_id !== Number(b.recipient_city))
    errors.recipient_zone = ['The selected recipient zone is invalid.'];
  if (Object.keys(errors).length > 0) return pathaoInvalid(errors);
  const price = pathaoPrice({
    cityId: Number(b.recipient_city),
    zoneId: Number(b.recipient_zone),
    weightKg: weight,
    deliveryType: Number(b.delivery_type),
  });
  return pathaoSuccess('Price plan', { ...price, plan_id: 69, cod_enabled: 1, cod_percentage: 0.01 });
}
