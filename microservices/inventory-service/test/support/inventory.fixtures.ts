import { newId } from '@haat/common';
import type { Caller, Harness } from './inventory.harness.js';

export const DHAKA = { latitude: 23.8103, longitude: 90.4125 };
export const GAZIPUR = { latitude: 23.9999, longitude: 90.4203 };
export const CHATTOGRAM = { latitude: 22.3569, longitude: 91.7832 };

export function uniqueSku(prefix = 'SKU'): string {
  return `${prefix}-${newId().slice(-12)}`;
}

/** A valid warehouse body; `location` null for none. */
export function warehouseBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: `WH-${newId().slice(-10)}`,
    name: 'Dhaka central',
    address: { line1: 'House 12, Road 5', city: 'Dhaka', country: 'BD' },
    location: DHAKA,
    ...overrides,
  };
}

export async function createWarehouse(
  h: Harness,
  as: Caller,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; vendorId: string | null }> {
  const res = await h.call<{ id: string; vendorId: string | null }>('POST', '/v1/warehouses', {
    as,
    body: warehouseBody(overrides),
  });
  if (res.status !== 201) throw new Error(`warehouse not created: ${res.status} ${res.text}`);
  return res.json;
}

export async function receive(
  h: Harness,
  as: Caller,
  warehouseId: string,
  lines: { sku: string; quantity: number; unitCost?: { amountMinor: string; currency: string } }[],
) {
  const res = await h.call('POST', '/v1/stock/receipts', {
    as,
    body: { warehouseId, lines, reason: 'delivery' },
    idempotencyKey: newId(),
  });
  if (res.status !== 201) throw new Error(`receipt failed: ${res.status} ${res.text}`);
  return res.json;
}

export interface SkuJson {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  lowStock: boolean;
  lowStockThreshold: number | null;
  unitCost: { amountMinor: string; currency: string } | null;
  warehouses: { warehouseId: string; onHand: number; reserved: number; available: number }[];
}

export async function skuOf(h: Harness, as: Caller, sku: string): Promise<SkuJson> {
  const res = await h.call<SkuJson>('GET', `/v1/skus/${sku}`, { as });
  if (res.status !== 200) throw new Error(`sku read failed: ${res.status} ${res.text}`);
  return res.json;
}

export interface ReservationJson {
  id: string;
  orderId: string;
  status: string;
  expiresAt: string;
  lines: { sku: string; quantity: number; allocations: { warehouseId: string; quantity: number }[] }[];
  rejection: { reason: string; shortages: { sku: string; requested: number; available: number }[] } | null;
}

/** Polls `check` until it holds or `timeoutMs` passes; returns its last answer. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (v: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}
