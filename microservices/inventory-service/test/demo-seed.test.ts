import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoInventory } from '../src/index.js';
import { skuOf } from './support/inventory.fixtures.js';
import { type Harness, startHarness, tenantOwner } from './support/inventory.harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the demo inventory', () => {
  it('stocks every vendor’s SKUs in a warehouse of its own, once', async () => {
    const tenantId = newId();
    const [v1, v2] = [newId(), newId()];
    const app = h.services[0]?.app;
    if (!app) throw new Error('no service');
    const skus = [
      { sku: 'DEMO-TEA', vendorId: v2 },
      { sku: 'DEMO-SAREE', vendorId: v1 },
    ];
    expect(await seedDemoInventory(app, { tenantId, vendorIds: [v1, v2], skus })).toEqual({
      warehouses: 2,
      skus: 2,
    });
    expect(await seedDemoInventory(app, { tenantId, vendorIds: [v1, v2], skus })).toEqual({
      warehouses: 0,
      skus: 0,
    });
    const owner = tenantOwner(tenantId);
    expect(await skuOf(h, owner, 'DEMO-TEA')).toMatchObject({
      vendorId: v2,
      onHand: 25,
      lowStockThreshold: 5,
      unitCost: { amountMinor: '50000', currency: 'BDT' },
    });
    const list = await h.call<{ items: { vendorId: string; location: unknown }[] }>('GET', '/v1/warehouses', {
      as: owner,
    });
    expect(list.json.items.map((w) => w.vendorId).sort()).toEqual([v1, v2].sort());
  });
});
