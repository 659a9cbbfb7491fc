import { status } from '@grpc/grpc-js';
import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarehouse, receive, skuOf, uniqueSku } from './support/inventory.fixtures.js';
import { InventoryClient } from './support/inventory-grpc.client.js';
import { customer, type Harness, platform, startHarness, vendorOwner } from './support/inventory.harness.js';

let h: Harness;
let client: InventoryClient;
const tenant = newId();
const vendor = newId();
const owner = vendorOwner(tenant, vendor);
let sku: string;
let warehouseId: string;

beforeAll(async () => {
  h = await startHarness();
  client = new InventoryClient(h.grpcPort());
  sku = uniqueSku();
  warehouseId = (await createWarehouse(h, owner)).id;
  await receive(h, owner, warehouseId, [{ sku, quantity: 6 }]);
});
afterAll(async () => {
  client?.close();
  await h?.close();
});

const code = (e: { metadata: { get(key: string): unknown[] } } | undefined) =>
  e?.metadata.get('x-haat-error-code')[0];

describe('gRPC haat.inventory.v1.Inventory', () => {
  it('checks stock like the REST API', async () => {
    const reply = await client.call(
      'CheckStock',
      {
        lines: [
          { sku, quantity: 4 },
          { sku: 'NEVER-1', quantity: 1 },
        ],
      },
      { as: platform(tenant) },
    );
    expect(reply.error).toBeUndefined();
    expect(reply.response).toEqual({
      all_available: false,
      lines: [
        { sku, requested: 4, available: 6, sufficient: true, known: true },
        { sku: 'NEVER-1', requested: 1, available: 0, sufficient: false, known: false },
      ],
    });
  });

  it('reserves idempotently by order id', async () => {
    const orderId = newId();
    const request = {
      order_id: orderId,
      lines: [{ sku, quantity: 2 }],
      ship_to: { latitude: 23.8, longitude: 90.4 },
    };
    const first = await client.call('Reserve', request, { as: platform(tenant) });
    expect(first.error).toBeUndefined();
    expect(first.response).toMatchObject({
      order_id: orderId,
      status: 'active',
      replayed: false,
      lines: [
        { sku, quantity: 2, allocations: [{ warehouse_id: warehouseId, vendor_id: vendor, quantity: 2 }] },
      ],
    });
    const again = await client.call('Reserve', request, { as: platform(tenant) });
    expect(again.response).toMatchObject({ reservation_id: first.response?.reservation_id, replayed: true });
    expect(await skuOf(h, owner, sku)).toMatchObject({ reserved: 2 });
  });

  it('answers a reservation it cannot fill with ABORTED and the stable code', async () => {
    const reply = await client.call(
      'Reserve',
      { order_id: newId(), lines: [{ sku, quantity: 500 }] },
      { as: platform(tenant) },
    );
    expect(reply.error?.code).toBe(status.ABORTED);
    expect(code(reply.error)).toBe('STOCK_INSUFFICIENT');
  });

  it('answers bad input with INVALID_ARGUMENT or NOT_FOUND, never INTERNAL', async () => {
    const negative = await client.call(
      'Reserve',
      { order_id: newId(), lines: [{ sku, quantity: -1 }] },
      { as: platform(tenant) },
    );
    expect(negative.error?.code).toBe(status.INVALID_ARGUMENT);
    const badOrder = await client.call(
      'Reserve',
      { order_id: 'nope', lines: [{ sku, quantity: 1 }] },
      { as: platform(tenant) },
    );
    expect(badOrder.error?.code).toBe(status.INVALID_ARGUMENT);
    const unknown = await client.call(
      'Reserve',
      { order_id: newId(), lines: [{ sku: 'NEVER-2', quantity: 1 }] },
      { as: platform(tenant) },
    );
    expect(unknown.error?.code).toBe(status.NOT_FOUND);
    expect(code(unknown.error)).toBe('SKU_NOT_FOUND');
  });

  it('refuses unsigned calls, forged bodies, callers without the permission and tenantless calls', async () => {
    const request = { order_id: newId(), lines: [{ sku, quantity: 1 }] };
    const unsigned = await client.call('Reserve', request, { as: platform(tenant), sign: false });
    expect(unsigned.error?.code).toBe(status.UNAUTHENTICATED);
    expect(code(unsigned.error)).toBe('INTERNAL_SIGNATURE_MISSING');

    const forged = await client.call('Reserve', request, {
      as: platform(tenant),
      signedBody: JSON.stringify({ ...request, lines: [{ sku, quantity: 100 }] }),
    });
    expect(forged.error?.code).toBe(status.UNAUTHENTICATED);
    expect(code(forged.error)).toBe('INTERNAL_SIGNATURE_INVALID');

    const shopper = await client.call('Reserve', request, { as: customer(tenant) });
    expect(shopper.error?.code).toBe(status.PERMISSION_DENIED);
    expect(code(shopper.error)).toBe('PERMISSION_DENIED');

    const noTenant = await client.call(
      'CheckStock',
      { lines: [{ sku, quantity: 1 }] },
      {
        as: { ...platform(tenant), tenantId: null },
      },
    );
    expect(noTenant.error?.code).toBe(status.PERMISSION_DENIED);
    expect(code(noTenant.error)).toBe('TENANT_REQUIRED');
    expect(await skuOf(h, owner, sku)).toMatchObject({ reserved: 2 });
  });
});
