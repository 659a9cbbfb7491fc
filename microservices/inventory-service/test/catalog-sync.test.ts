import { newId } from '@haat/common';
import { ProductCreatedV1, ProductUpdatedV1 } from '@haat/contracts';
import { envelope } from '@haat/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarehouse, receive, skuOf } from './support/inventory.fixtures.js';
import { type ErrorJson, type Harness, startHarness, vendorOwner } from './support/inventory.harness.js';

let h: Harness;
const tenant = newId();
const vendor = newId();
const productId = newId();
const variantId = newId();
const sku = `TEE/RED/M-${newId().slice(-6)}`;
const encoded = encodeURIComponent(sku);

function facts(variants: { variantId: string; sku: string }[]) {
  return {
    productId,
    vendorId: vendor,
    status: 'active' as const,
    slug: 'tee',
    name: { en: 'Tee', bn: null },
    description: null,
    categoryId: null,
    categoryPath: [],
    brand: null,
    tags: [],
    attributes: {},
    options: [],
    mediaIds: [],
    variants: variants.map((v) => ({
      ...v,
      barcode: null,
      options: {},
      price: { amountMinor: '50000', currency: 'BDT' },
      compareAtPrice: null,
      cost: null,
      weightGrams: null,
      dimensionsMm: null,
    })),
    version: 1,
    updatedAt: new Date().toISOString(),
  };
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the SKU registry fed by catalog events', () => {
  it('knows a catalog SKU and its vendor before any unit arrives', async () => {
    await h.services[0]?.runtime.transport.publish(
      envelope(
        ProductCreatedV1,
        { tenantId: tenant },
        {
          aggregateType: 'product',
          aggregateId: productId,
          payload: facts([{ variantId, sku }]),
        },
      ),
    );
    const owner = vendorOwner(tenant, vendor);
    const known = await h.call('GET', `/v1/skus/${encoded}`, { as: owner });
    expect(known.status, known.text).toBe(200);
    expect(known.json).toMatchObject({ sku, vendorId: vendor, productId, onHand: 0 });

    const stranger = vendorOwner(tenant, newId());
    const elsewhere = await createWarehouse(h, stranger);
    const refused = await h.call<ErrorJson>('POST', '/v1/stock/receipts', {
      as: stranger,
      body: { warehouseId: elsewhere.id, lines: [{ sku, quantity: 1 }] },
      idempotencyKey: newId(),
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('SKU_VENDOR_MISMATCH');

    const mine = await createWarehouse(h, owner);
    await receive(h, owner, mine.id, [{ sku, quantity: 3 }]);
    expect(await skuOf(h, owner, encoded)).toMatchObject({ onHand: 3, productId });
  });

  it('attaches a SKU first seen in a receipt to its product when the catalog names it', async () => {
    const owner = vendorOwner(tenant, vendor);
    const later = `LATE-${newId().slice(-8)}`;
    await receive(h, owner, (await createWarehouse(h, owner)).id, [{ sku: later, quantity: 2 }]);
    expect(await skuOf(h, owner, later)).toMatchObject({ productId: null });
    await h.services[0]?.runtime.transport.publish(
      envelope(
        ProductUpdatedV1,
        { tenantId: tenant },
        {
          aggregateType: 'product',
          aggregateId: productId,
          payload: {
            ...facts([
              { variantId, sku },
              { variantId: newId(), sku: later },
            ]),
            changed: ['variants'],
          },
        },
      ),
    );
    expect(await skuOf(h, owner, later)).toMatchObject({ productId, vendorId: vendor, onHand: 2 });
  });
});
