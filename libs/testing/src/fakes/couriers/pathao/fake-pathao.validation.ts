import type { PathaoStore } from './fake-pathao.state.js';
import { findPathaoCity, findPathaoZone } from './fake-pathao.catalog.js';

type Body = Record<string, unknown>;
export type FieldErrors = Record<string, string[]>;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const digits11 = (v: unknown) => typeof v === 'string' && /^\d{11}$/.test(v);

function lengthBetween(errors: FieldErrors, body: Body, field: string, min: number, max: number): void {
  const v = body[field];
  if (typeof v !== 'string' || v.trim() === '') {
    errors[field] = [`The ${field.replace(/_/g, ' ')} field is required.`];
  } else if (v.length < min || v.length > max) {
    errors[field] = [`The ${field.replace(/_/g, ' ')} must be between ${min} and ${max} characters.`];
  }
}

/**
 * The order rules of Pathao's merchant API (section 4.1 of the gateway notes): field → messages
 * in Laravel's style, empty when the order is acceptable.
 */
export function validatePathaoOrder(body: Body, stores: readonly PathaoStore[]): FieldErrors {
  const errors: FieldErrors = {};
  const store = stores.find((s) => s.store_id === body.store_id);
  if (!isInt(body.store_id)) errors.store_id = ['The store id field is required.'];
  else if (!store) errors.store_id = ['The selected store id is invalid.'];
  else if (store.is_active !== 1) errors.store_id = ['The selected store is not active yet.'];
  lengthBetween(errors, body, 'recipient_name', 3, 100);
  if (!digits11(body.recipient_phone)) errors.recipient_phone = ['The recipient phone must be 11 digits.'];
  if (body.recipient_secondary_phone !== undefined && !digits11(body.recipient_secondary_phone)) {
    errors.recipient_secondary_phone = ['The recipient secondary phone must be 11 digits.'];
  }
  lengthBetween(errors, body, 'recipient_address', 10, 220);
  for (const field of ['recipient_city', 'recipient_zone', 'recipient_area'] as const) {
    // Omitting them lets Pathao derive them from the address; null is refused.
    if (field in body && !isInt(body[field]))
      errors[field] = [`The ${field.replace(/_/g, ' ')} must be an integer.`];
  }
  if (isInt(body.recipient_city) && !findPathaoCity(body.recipient_city)) {
    errors.recipient_city = ['The selected recipient city is invalid.'];
  }
  if (isInt(body.recipient_zone)) {
    const found = findPathaoZone(body.recipient_zone);
    if (!found || (isInt(body.recipient_city) && found.city.city_id !== body.recipient_city)) {
      errors.recipient_zone = ['The selected recipient zone is invalid.'];
    }
  }
  if (body.delivery_type !== 48 && body.delivery_type !== 12) {
    errors.delivery_type = ['The selected delivery type is invalid.'];
  }
  if (body.item_type !== 1 && body.item_type !== 2) errors.item_type = ['The selected item type is invalid.'];
  if (!isInt(body.item_quantity) || body.item_quantity < 1) {
    errors.item_quantity = ['The item quantity must be at least 1.'];
  }
  const weight = Number(body.item_weight);
  if (body.item_weight === undefined || body.item_weight === null || !Number.isFinite(weight)) {
    errors.item_weight = ['The item weight field is required.'];
  } else if (weight < 0.5 || weight > 10) {
    errors.item_weight = ['The item weight must be between 0.5 and 10.'];
  }
  if (!isInt(body.amount_to_collect) || body.amount_to_collect < 0) {
    errors.amount_to_collect = ['The amount to collect must be an integer of at least 0.'];
  }
  return errors;
}
