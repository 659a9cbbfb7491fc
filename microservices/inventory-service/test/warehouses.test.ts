import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarehouse, receive, uniqueSku, warehouseBody } from './support/inventory.fixtures.js';
import {
  customer,
  type ErrorJson,
  type Harness,
  operator,
  platform,
  startHarness,
  tenantOwner,
  vendorOwner,
  vendorStaff,
} from './support/inventory.harness.js';

let h: Harness;
const tenant = newId();
const vendorA = newId();
const vendorB = newId();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('warehouses', () => {
  it('are created, read, changed and listed by their vendor', async () => {
    const created = await h.call<Record<string, unknown>>('POST', '/v1/warehouses', {
      as: vendorOwner(tenant, vendorA),
      body: warehouseBody({ code: 'DHK-1', name: 'Dhaka 1' }),
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      code: 'DHK-1',
      name: 'Dhaka 1',
      vendorId: vendorA,
      active: true,
      location: { latitude: 23.8103, longitude: 90.4125 },
      address: { line1: 'House 12, Road 5', line2: null, city: 'Dhaka', country: 'BD' },
    });
    const id = created.json.id as string;

    const patched = await h.call('PATCH', `/v1/warehouses/${id}`, {
      as: vendorOwner(tenant, vendorA),
      body: { name: 'Dhaka main', active: false, location: null },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json).toMatchObject({ id, name: 'Dhaka main', active: false, location: null });

    const read = await h.call('GET', `/v1/warehouses/${id}`, { as: vendorStaff(tenant, vendorA) });
    expect(read.json).toMatchObject({ id, name: 'Dhaka main', active: false });

    const inactive = await h.call<{ items: { id: string }[] }>('GET', '/v1/warehouses?active=false', {
      as: vendorStaff(tenant, vendorA),
    });
    expect(inactive.json.items.map((w) => w.id)).toContain(id);
  });

  it('are visible only to their own vendor’s people, and to the marketplace', async () => {
    const mine = await createWarehouse(h, vendorOwner(tenant, vendorA));
    const theirs = await createWarehouse(h, vendorOwner(tenant, vendorB));

    const asB = await h.call<ErrorJson>('GET', `/v1/warehouses/${mine.id}`, {
      as: vendorOwner(tenant, vendorB),
    });
    expect(asB.status).toBe(404);
    expect(asB.json.error.code).toBe('WAREHOUSE_NOT_FOUND');
    const changeAsB = await h.call('PATCH', `/v1/warehouses/${mine.id}`, {
      as: vendorOwner(tenant, vendorB),
      body: { name: 'Taken over' },
    });
    expect(changeAsB.status).toBe(404);

    const listA = await h.call<{ items: { id: string; vendorId: string }[] }>(
      'GET',
      '/v1/warehouses?limit=100',
      {
        as: vendorStaff(tenant, vendorA),
      },
    );
    expect(listA.json.items.every((w) => w.vendorId === vendorA)).toBe(true);
    expect(listA.json.items.map((w) => w.id)).not.toContain(theirs.id);

    const marketplace = await h.call<{ items: { id: string }[] }>(
      'GET',
      `/v1/warehouses?vendorId=${vendorB}&limit=100`,
      { as: tenantOwner(tenant) },
    );
    expect(marketplace.json.items.map((w) => w.id)).toEqual([theirs.id]);
  });

  it('pages through a long list with a cursor', async () => {
    const vendor = newId();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await createWarehouse(h, vendorOwner(tenant, vendor))).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; json: { items: { id: string }[]; nextCursor: string | null } } =
        await h.call('GET', `/v1/warehouses?vendorId=${vendor}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
          as: vendorOwner(tenant, vendor),
        });
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((w) => w.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
  });

  it('cannot be created for another vendor, nor by people without the permission', async () => {
    const other = await h.call<ErrorJson>('POST', '/v1/warehouses', {
      as: vendorOwner(tenant, vendorA),
      body: warehouseBody({ vendorId: vendorB }),
    });
    expect(other.status).toBe(403);
    expect(other.json.error.code).toBe('WAREHOUSE_VENDOR_FORBIDDEN');

    const staff = await h.call<ErrorJson>('POST', '/v1/warehouses', {
      as: vendorStaff(tenant, vendorA),
      body: warehouseBody(),
    });
    expect(staff.status).toBe(403);
    expect(staff.json.error).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { missing: ['warehouse:create'] },
    });

    const shopper = await h.call('GET', '/v1/warehouses', { as: customer(tenant) });
    expect(shopper.status).toBe(403);
  });

  it('may belong to the marketplace itself', async () => {
    const own = await h.call('POST', '/v1/warehouses', { as: operator(tenant), body: warehouseBody() });
    expect(own.status).toBe(201);
    expect(own.json).toMatchObject({ vendorId: null });
  });

  it('refuses a code already used in the tenant with 409', async () => {
    await createWarehouse(h, vendorOwner(tenant, vendorA), { code: 'SAME-CODE' });
    const again = await h.call<ErrorJson>('POST', '/v1/warehouses', {
      as: vendorOwner(tenant, vendorA),
      body: warehouseBody({ code: 'SAME-CODE' }),
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('WAREHOUSE_CODE_TAKEN');
  });

  it('names the bad field of an invalid body', async () => {
    const badCountry = await h.call<ErrorJson>('POST', '/v1/warehouses', {
      as: vendorOwner(tenant, vendorA),
      body: warehouseBody({ address: { line1: 'x', city: 'Dhaka', country: 'Bangladesh' } }),
    });
    expect(badCountry.status).toBe(400);
    expect(badCountry.json.error.details.fields?.[0]?.field).toBe('address.country');

    const badLatitude = await h.call<ErrorJson>('POST', '/v1/warehouses', {
      as: vendorOwner(tenant, vendorA),
      body: warehouseBody({ location: { latitude: 123, longitude: 90 } }),
    });
    expect(badLatitude.status).toBe(400);
    expect(badLatitude.json.error.details.fields?.[0]?.field).toBe('location.latitude');

    const badId = await h.call<ErrorJson>('GET', '/v1/warehouses/not-a-uuid', {
      as: vendorOwner(tenant, vendorA),
    });
    expect(badId.status).toBe(400);
  });

  it('refuses to delete a warehouse holding stock, and deletes it once empty', async () => {
    const owner = vendorOwner(tenant, vendorA);
    const wh = await createWarehouse(h, owner);
    const sku = uniqueSku();
    await receive(h, owner, wh.id, [{ sku, quantity: 4 }]);

    const refused = await h.call<ErrorJson>('DELETE', `/v1/warehouses/${wh.id}`, { as: owner });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({
      code: 'WAREHOUSE_HAS_STOCK',
      details: { onHand: 4, reserved: 0 },
    });

    const emptied = await h.call('POST', '/v1/stock/adjustments', {
      as: owner,
      body: { warehouseId: wh.id, sku, delta: -4, reason: 'written off' },
      idempotencyKey: newId(),
    });
    expect(emptied.status, emptied.text).toBe(201);
    const deleted = await h.call('DELETE', `/v1/warehouses/${wh.id}`, { as: owner });
    expect(deleted.status, deleted.text).toBe(204);
    expect((await h.call('GET', `/v1/warehouses/${wh.id}`, { as: owner })).status).toBe(404);

    // The SKU's history outlives the warehouse.
    const history = await h.call<{ items: { type: string; warehouseId: string }[] }>(
      'GET',
      `/v1/skus/${sku}/movements`,
      { as: owner },
    );
    expect(history.json.items.map((m) => m.type)).toEqual(['adjustment', 'receipt']);
  });

  it('refuses to delete a warehouse holding reserved units', async () => {
    const owner = vendorOwner(tenant, vendorA);
    const wh = await createWarehouse(h, owner);
    const sku = uniqueSku();
    await receive(h, owner, wh.id, [{ sku, quantity: 3 }]);
    const reserved = await h.call('POST', '/v1/reservations', {
      as: platform(tenant),
      body: { orderId: newId(), lines: [{ sku, quantity: 2 }] },
    });
    expect(reserved.status, reserved.text).toBe(201);

    const refused = await h.call<ErrorJson>('DELETE', `/v1/warehouses/${wh.id}`, { as: owner });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({
      code: 'WAREHOUSE_HAS_RESERVATIONS',
      details: { onHand: 3, reserved: 2 },
    });
  });
});
