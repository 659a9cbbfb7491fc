import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWarehouse,
  receive,
  type ReservationJson,
  skuOf,
  uniqueSku,
} from './support/inventory.fixtures.js';
import {
  type ErrorJson,
  type Harness,
  operator,
  platform,
  startHarness,
  vendorOwner,
} from './support/inventory.harness.js';

let h: Harness;
const tenantA = newId();
const tenantB = newId();
// The same vendor id in two marketplaces is still two different vendors' worlds.
const vendor = newId();
const ownerA = vendorOwner(tenantA, vendor);
const ownerB = vendorOwner(tenantB, vendor);
let warehouseA: string;
const sku = uniqueSku();
const orderId = newId();

beforeAll(async () => {
  h = await startHarness();
  warehouseA = (await createWarehouse(h, ownerA)).id;
  await receive(h, ownerA, warehouseA, [{ sku, quantity: 5 }]);
  const reserved = await h.call('POST', '/v1/reservations', {
    as: platform(tenantA),
    body: { orderId, lines: [{ sku, quantity: 2 }] },
  });
  if (reserved.status !== 201) throw new Error(reserved.text);
});
afterAll(async () => {
  await h?.close();
});

describe('tenant isolation', () => {
  it('hides one tenant’s warehouses, stock and history from another', async () => {
    expect(
      (await h.call<ErrorJson>('GET', `/v1/warehouses/${warehouseA}`, { as: operator(tenantB) })).status,
    ).toBe(404);
    expect(
      (await h.call<{ items: unknown[] }>('GET', '/v1/warehouses', { as: operator(tenantB) })).json.items,
    ).toEqual([]);
    expect((await h.call('GET', `/v1/skus/${sku}`, { as: operator(tenantB) })).status).toBe(404);
    expect((await h.call('GET', `/v1/skus/${sku}/movements`, { as: operator(tenantB) })).status).toBe(404);
    expect(
      (await h.call<{ items: unknown[] }>('GET', '/v1/stock', { as: operator(tenantB) })).json.items,
    ).toEqual([]);
    expect(
      (await h.call<{ items: unknown[] }>('GET', '/v1/skus', { as: operator(tenantB) })).json.items,
    ).toEqual([]);
    const check = await h.call('POST', '/v1/stock/check', {
      as: platform(tenantB),
      body: { lines: [{ sku, quantity: 1 }] },
    });
    expect(check.json).toMatchObject({ allAvailable: false, lines: [{ available: 0, known: false }] });
  });

  it('lets no tenant change another’s warehouses or stock', async () => {
    const patch = await h.call('PATCH', `/v1/warehouses/${warehouseA}`, {
      as: operator(tenantB),
      body: { active: false },
    });
    expect(patch.status).toBe(404);
    expect((await h.call('DELETE', `/v1/warehouses/${warehouseA}`, { as: operator(tenantB) })).status).toBe(
      404,
    );
    const receipt = await h.call<ErrorJson>('POST', '/v1/stock/receipts', {
      as: ownerB,
      body: { warehouseId: warehouseA, lines: [{ sku, quantity: 100 }] },
      idempotencyKey: newId(),
    });
    expect(receipt.status).toBe(404);
    expect(receipt.json.error.code).toBe('WAREHOUSE_NOT_FOUND');
    expect(await skuOf(h, ownerA, sku)).toMatchObject({ onHand: 5, reserved: 2 });
  });

  it('keeps reservations apart even for the same order id', async () => {
    expect((await h.call('GET', `/v1/reservations/${orderId}`, { as: platform(tenantB) })).status).toBe(404);
    expect(
      (await h.call('POST', `/v1/reservations/${orderId}/commit`, { as: platform(tenantB) })).status,
    ).toBe(404);
    // A release in B records B's own cancellation; A's reservation is untouched.
    const release = await h.call<ReservationJson>('POST', `/v1/reservations/${orderId}/release`, {
      as: platform(tenantB),
    });
    expect(release.json).toMatchObject({ status: 'released', lines: [] });
    const inA = await h.call<ReservationJson>('GET', `/v1/reservations/${orderId}`, {
      as: platform(tenantA),
    });
    expect(inA.json.status).toBe('active');
    expect(await skuOf(h, ownerA, sku)).toMatchObject({ reserved: 2 });

    const reserveInB = await h.call<ErrorJson>('POST', '/v1/reservations', {
      as: platform(tenantB),
      body: { orderId: newId(), lines: [{ sku, quantity: 1 }] },
    });
    expect(reserveInB.status).toBe(404);
    expect(reserveInB.json.error.code).toBe('SKU_NOT_FOUND');
  });

  it('stamps every event with its tenant', async () => {
    const events = await h.outbox('inventory.stock-reserved.v1');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.tenantId === tenantA)).toBe(true);
    const released = await h.outbox('inventory.reservation-released.v1');
    expect(released.map((e) => e.tenantId)).toEqual([tenantB]);
  });

  it('shows the service’s own database role no row without a tenant (row-level security)', async () => {
    for (const table of ['warehouses', 'skus', 'stock_levels', 'stock_movements', 'reservations']) {
      const rows = await h.query<{ n: number }>(`select count(*)::int as n from ${table}`);
      expect(rows[0]?.n, table).toBe(0);
    }
  });
});
