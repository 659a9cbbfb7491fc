import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarehouse, receive, skuOf, uniqueSku } from './support/inventory.fixtures.js';
import {
  type ErrorJson,
  type Harness,
  platform,
  startHarness,
  vendorOwner,
} from './support/inventory.harness.js';

let h: Harness;
const tenant = newId();
const vendor = newId();
const owner = vendorOwner(tenant, vendor);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

function reserve(sku: string, quantity: number) {
  return h.call('POST', '/v1/reservations', {
    as: platform(tenant),
    body: { orderId: newId(), lines: [{ sku, quantity }] },
  });
}

async function threshold(sku: string, value: number | null) {
  const res = await h.call('PUT', `/v1/skus/${sku}/low-stock-threshold`, {
    as: owner,
    body: { threshold: value },
  });
  expect(res.status, res.text).toBe(200);
  return res.json;
}

describe('low-stock alerts', () => {
  it('fire once when available crosses the threshold, not on every change below it', async () => {
    const wh = await createWarehouse(h, owner);
    const sku = uniqueSku();
    await receive(h, owner, wh.id, [{ sku, quantity: 15 }]);
    expect(await threshold(sku, 10)).toMatchObject({ sku, lowStockThreshold: 10, lowStock: false });

    expect((await reserve(sku, 3)).status).toBe(201); // 12 available: above
    expect(await h.outbox('inventory.low-stock.v1', sku)).toHaveLength(0);
    expect((await reserve(sku, 3)).status).toBe(201); // 9: crossed
    expect((await reserve(sku, 2)).status).toBe(201); // 7: still below
    await h.call('POST', '/v1/stock/adjustments', {
      as: owner,
      body: { warehouseId: wh.id, sku, delta: -1, reason: 'broken' },
      idempotencyKey: newId(),
    }); // 6: still below
    const alerts = await h.outbox('inventory.low-stock.v1', sku);
    expect(alerts.map((e) => e.payload)).toEqual([
      { sku, vendorId: vendor, threshold: 10, available: 9, onHand: 15 },
    ]);
    expect(await skuOf(h, owner, sku)).toMatchObject({ lowStock: true, available: 6 });
    const listed = await h.call<{ items: { sku: string }[] }>('GET', '/v1/skus?lowStock=true&limit=100', {
      as: owner,
    });
    expect(listed.json.items.map((s) => s.sku)).toContain(sku);

    await receive(h, owner, wh.id, [{ sku, quantity: 20 }]); // 26: above again, re-armed
    expect(await skuOf(h, owner, sku)).toMatchObject({ lowStock: false });
    expect((await reserve(sku, 17)).status).toBe(201); // 9: crossed again
    expect(await h.outbox('inventory.low-stock.v1', sku)).toHaveLength(2);
  });

  it('fire exactly once when many concurrent reservations cross the threshold together', async () => {
    const a = await createWarehouse(h, owner);
    const b = await createWarehouse(h, owner);
    const sku = uniqueSku();
    await receive(h, owner, a.id, [{ sku, quantity: 20 }]);
    await receive(h, owner, b.id, [{ sku, quantity: 20 }]);
    await threshold(sku, 25);
    const replies = await Promise.all(Array.from({ length: 40 }, () => reserve(sku, 1)));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(40);
    expect(await h.outbox('inventory.low-stock.v1', sku)).toHaveLength(1);
  });

  it('fire at once when a threshold is set above what is available', async () => {
    const wh = await createWarehouse(h, owner);
    const sku = uniqueSku();
    await receive(h, owner, wh.id, [{ sku, quantity: 4 }]);
    await threshold(sku, 5);
    expect(await h.outbox('inventory.low-stock.v1', sku)).toHaveLength(1);
    expect(await threshold(sku, null)).toMatchObject({ lowStockThreshold: null, lowStock: false });
  });

  it('refuse a negative or fractional threshold, and an unknown SKU', async () => {
    const wh = await createWarehouse(h, owner);
    const sku = uniqueSku();
    await receive(h, owner, wh.id, [{ sku, quantity: 4 }]);
    for (const bad of [-1, 2.5, '3']) {
      const res = await h.call<ErrorJson>('PUT', `/v1/skus/${sku}/low-stock-threshold`, {
        as: owner,
        body: { threshold: bad },
      });
      expect(res.status).toBe(400);
      expect(res.json.error.details.fields?.[0]?.field).toBe('threshold');
    }
    const unknown = await h.call<ErrorJson>('PUT', `/v1/skus/${uniqueSku('NEVER')}/low-stock-threshold`, {
      as: owner,
      body: { threshold: 1 },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('SKU_NOT_FOUND');
  });
});

describe('stock-changed events', () => {
  it('announce units on hand changing and the SKU going out of and back into stock', async () => {
    const wh = await createWarehouse(h, owner);
    const sku = uniqueSku();
    await receive(h, owner, wh.id, [{ sku, quantity: 2 }]);
    expect((await reserve(sku, 1)).status).toBe(201); // still in stock: quiet
    const orderId = newId();
    await h.call('POST', '/v1/reservations', {
      as: platform(tenant),
      body: { orderId, lines: [{ sku, quantity: 1 }] },
    }); // the last unit: out of stock
    await h.call('POST', `/v1/reservations/${orderId}/release`, { as: platform(tenant) }); // back in stock

    const events = (await h.outbox<Record<string, unknown>>('inventory.stock-changed.v1', sku)).map(
      (e) => e.payload,
    );
    expect(events).toEqual([
      {
        sku,
        vendorId: vendor,
        onHand: 2,
        reserved: 0,
        available: 2,
        inStock: true,
        wasInStock: false,
        causes: ['receipt'],
      },
      {
        sku,
        vendorId: vendor,
        onHand: 2,
        reserved: 2,
        available: 0,
        inStock: false,
        wasInStock: true,
        causes: ['reservation'],
      },
      {
        sku,
        vendorId: vendor,
        onHand: 2,
        reserved: 1,
        available: 1,
        inStock: true,
        wasInStock: false,
        causes: ['release'],
      },
    ]);
  });
});
