import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHATTOGRAM,
  createWarehouse,
  DHAKA,
  eventually,
  GAZIPUR,
  receive,
  type ReservationJson,
  skuOf,
  uniqueSku,
} from './support/inventory.fixtures.js';
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
const saga = platform(tenant);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function stocked(quantity: number, location = DHAKA): Promise<{ sku: string; warehouseId: string }> {
  const wh = await createWarehouse(h, owner, { location });
  const sku = uniqueSku();
  await receive(h, owner, wh.id, [{ sku, quantity }]);
  return { sku, warehouseId: wh.id };
}

function reserve(body: Record<string, unknown>) {
  return h.call<ReservationJson & ErrorJson>('POST', '/v1/reservations', { as: saga, body });
}

describe('reservations', () => {
  it('takes a line from the vendor’s warehouse nearest to the customer that has enough', async () => {
    const sku = uniqueSku();
    const far = await createWarehouse(h, owner, { location: CHATTOGRAM });
    const near = await createWarehouse(h, owner, { location: GAZIPUR });
    const empty = await createWarehouse(h, owner, { location: DHAKA });
    await receive(h, owner, far.id, [{ sku, quantity: 10 }]);
    await receive(h, owner, near.id, [{ sku, quantity: 10 }]);
    await receive(h, owner, empty.id, [{ sku, quantity: 1 }]);

    const res = await reserve({ orderId: newId(), lines: [{ sku, quantity: 4 }], shipTo: DHAKA });
    expect(res.status, res.text).toBe(201);
    expect(res.json.status).toBe('active');
    expect(res.json.lines).toEqual([
      {
        sku,
        quantity: 4,
        vendorId: null,
        allocations: [{ warehouseId: near.id, vendorId: vendor, quantity: 4 }],
      },
    ]);
    const toChattogram = await reserve({
      orderId: newId(),
      lines: [{ sku, quantity: 2 }],
      shipTo: CHATTOGRAM,
    });
    expect(toChattogram.json.lines[0]?.allocations).toEqual([
      { warehouseId: far.id, vendorId: vendor, quantity: 2 },
    ]);
  });

  it('splits a line over several warehouses when none has enough alone', async () => {
    const sku = uniqueSku();
    const near = await createWarehouse(h, owner, { location: GAZIPUR });
    const far = await createWarehouse(h, owner, { location: CHATTOGRAM });
    await receive(h, owner, near.id, [{ sku, quantity: 3 }]);
    await receive(h, owner, far.id, [{ sku, quantity: 4 }]);
    const res = await reserve({ orderId: newId(), lines: [{ sku, quantity: 6 }], shipTo: DHAKA });
    expect(res.status, res.text).toBe(201);
    const allocations = res.json.lines[0]?.allocations ?? [];
    expect(new Map(allocations.map((a) => [a.warehouseId, a.quantity]))).toEqual(
      new Map([
        [near.id, 3],
        [far.id, 3],
      ]),
    );
    expect(await skuOf(h, owner, sku)).toMatchObject({ onHand: 7, reserved: 6, available: 1 });
  });

  it('is idempotent by order id: a repeat gets the same reservation and holds nothing more', async () => {
    const { sku } = await stocked(5);
    const orderId = newId();
    const body = { orderId, lines: [{ sku, quantity: 2 }] };
    const [a, b, c] = await Promise.all([reserve(body), reserve(body), reserve(body)]);
    expect([a.status, b.status, c.status].sort()).toEqual([200, 200, 201]);
    expect(new Set([a.json.id, b.json.id, c.json.id]).size).toBe(1);
    expect(await skuOf(h, owner, sku)).toMatchObject({ reserved: 2, available: 3 });
    expect(await h.outbox('inventory.stock-reserved.v1', a.json.id)).toHaveLength(1);

    const other = await reserve({ orderId, lines: [{ sku, quantity: 3 }] });
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('RESERVATION_ORDER_MISMATCH');
  });

  it('takes nothing when an order cannot be filled completely, and says what is short', async () => {
    const { sku } = await stocked(3);
    const { sku: plenty } = await stocked(10);
    const orderId = newId();
    const res = await reserve({
      orderId,
      lines: [
        { sku: plenty, quantity: 2 },
        { sku, quantity: 5 },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({
      code: 'STOCK_INSUFFICIENT',
      details: { orderId, shortages: [{ sku, requested: 5, available: 3 }] },
    });
    expect(await skuOf(h, owner, plenty)).toMatchObject({ reserved: 0, available: 10 });
    const again = await reserve({
      orderId,
      lines: [
        { sku: plenty, quantity: 2 },
        { sku, quantity: 5 },
      ],
    });
    expect(again.status).toBe(409);
    const stored = await h.call<ReservationJson>('GET', `/v1/reservations/${orderId}`, { as: saga });
    expect(stored.json).toMatchObject({ status: 'rejected', rejection: { reason: 'insufficient-stock' } });
    const rejected = await h.outbox('inventory.stock-rejected.v1', stored.json.id);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.payload).toMatchObject({ orderId, reason: 'insufficient-stock' });
  });

  it('commits on payment: the units leave stock once, however often it is asked', async () => {
    const { sku, warehouseId } = await stocked(5);
    const orderId = newId();
    const created = await reserve({ orderId, lines: [{ sku, quantity: 2 }] });
    const [one, two] = await Promise.all([
      h.call<ReservationJson>('POST', `/v1/reservations/${orderId}/commit`, { as: saga }),
      h.call<ReservationJson>('POST', `/v1/reservations/${orderId}/commit`, { as: saga }),
    ]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(one.json.status).toBe('committed');
    expect(two.json.status).toBe('committed');
    expect(await skuOf(h, owner, sku)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    const committed = await h.outbox('inventory.reservation-committed.v1', created.json.id);
    expect(committed).toHaveLength(1);
    expect(committed[0]?.payload).toMatchObject({
      orderId,
      lines: [{ sku, quantity: 2, allocations: [{ warehouseId, quantity: 2 }] }],
    });

    const release = await h.call<ErrorJson>('POST', `/v1/reservations/${orderId}/release`, { as: saga });
    expect(release.status).toBe(409);
    expect(release.json.error.code).toBe('RESERVATION_ALREADY_COMMITTED');
  });

  it('releases on cancellation: the units are free again once, however often it is asked', async () => {
    const { sku } = await stocked(5);
    const orderId = newId();
    const created = await reserve({ orderId, lines: [{ sku, quantity: 5 }] });
    expect(await skuOf(h, owner, sku)).toMatchObject({ available: 0 });
    const releases = await Promise.all(
      [1, 2, 3].map(() =>
        h.call<ReservationJson>('POST', `/v1/reservations/${orderId}/release`, {
          as: saga,
          body: { reason: 'customer cancelled' },
        }),
      ),
    );
    expect(releases.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(releases.every((r) => r.json.status === 'released')).toBe(true);
    expect(await skuOf(h, owner, sku)).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
    const released = await h.outbox('inventory.reservation-released.v1', created.json.id);
    expect(released).toHaveLength(1);
    expect(released[0]?.payload).toMatchObject({ orderId, reason: 'cancelled' });

    const commit = await h.call<ErrorJson>('POST', `/v1/reservations/${orderId}/commit`, { as: saga });
    expect(commit.status).toBe(409);
    expect(commit.json.error.code).toBe('RESERVATION_RELEASED');
  });

  it('remembers a cancellation that arrives first, so a late reserve holds nothing', async () => {
    const { sku } = await stocked(5);
    const orderId = newId();
    const early = await h.call<ReservationJson>('POST', `/v1/reservations/${orderId}/release`, { as: saga });
    expect(early.status).toBe(200);
    expect(early.json).toMatchObject({ orderId, status: 'released', lines: [] });
    const late = await reserve({ orderId, lines: [{ sku, quantity: 1 }] });
    expect(late.status).toBe(200);
    expect(late.json.status).toBe('released');
    expect(await skuOf(h, owner, sku)).toMatchObject({ reserved: 0 });
  });

  it('expires after its TTL: the sweeper gives the units back and a commit is refused', async () => {
    const { sku } = await stocked(4);
    const orderId = newId();
    const created = await reserve({ orderId, lines: [{ sku, quantity: 3 }], ttlSeconds: 1 });
    expect(created.status).toBe(201);
    expect(await skuOf(h, owner, sku)).toMatchObject({ available: 1 });

    const after = await eventually(
      () => skuOf(h, owner, sku),
      (s) => s.reserved === 0,
    );
    expect(after).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
    const stored = await h.call<ReservationJson>('GET', `/v1/reservations/${orderId}`, { as: saga });
    expect(stored.json.status).toBe('expired');
    const released = await h.outbox('inventory.reservation-released.v1', created.json.id);
    expect(released.map((e) => e.payload)).toEqual([expect.objectContaining({ orderId, reason: 'expired' })]);

    const commit = await h.call<ErrorJson>('POST', `/v1/reservations/${orderId}/commit`, { as: saga });
    expect(commit.status).toBe(409);
    expect(commit.json.error.code).toBe('RESERVATION_EXPIRED');
    const release = await h.call<ReservationJson>('POST', `/v1/reservations/${orderId}/release`, {
      as: saga,
    });
    expect(release.status).toBe(200);
    expect(release.json.status).toBe('expired');
  });

  it('serves only the order’s lines from the named vendor when a line says so', async () => {
    const sku = uniqueSku();
    const wh = await createWarehouse(h, owner);
    await receive(h, owner, wh.id, [{ sku, quantity: 5 }]);
    const res = await reserve({ orderId: newId(), lines: [{ sku, quantity: 1, vendorId: newId() }] });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({
      code: 'STOCK_INSUFFICIENT',
      details: { shortages: [{ sku, available: 0 }] },
    });
    const right = await reserve({ orderId: newId(), lines: [{ sku, quantity: 1, vendorId: vendor }] });
    expect(right.status).toBe(201);
  });

  it('is refused to tenant and vendor people (reservation:* is the platform’s), and 404s for an unknown order', async () => {
    const res = await h.call<ErrorJson>('POST', '/v1/reservations', {
      as: owner,
      body: { orderId: newId(), lines: [{ sku: 'X-1', quantity: 1 }] },
    });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { missing: ['reservation:create'] },
    });
    const unknown = await h.call<ErrorJson>('POST', `/v1/reservations/${newId()}/commit`, { as: saga });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('RESERVATION_NOT_FOUND');
  });
});

describe('a commit after the TTL, before the sweeper ran', () => {
  let slow: Harness;
  beforeAll(async () => {
    slow = await startHarness({ env: { RESERVATION_SWEEP_INTERVAL: '1h' } });
  });
  afterAll(async () => {
    await slow?.close();
  });

  it('expires the reservation on the spot, gives the units back and answers 409', async () => {
    const o = vendorOwner(tenant, vendor);
    const wh = await createWarehouse(slow, o);
    const sku = uniqueSku();
    await receive(slow, o, wh.id, [{ sku, quantity: 2 }]);
    const orderId = newId();
    const created = await slow.call<ReservationJson>('POST', '/v1/reservations', {
      as: saga,
      body: { orderId, lines: [{ sku, quantity: 2 }], ttlSeconds: 1 },
    });
    expect(created.status).toBe(201);
    await new Promise((r) => setTimeout(r, 1_300));
    expect(await skuOf(slow, o, sku)).toMatchObject({ reserved: 2 });
    const commit = await slow.call<ErrorJson>('POST', `/v1/reservations/${orderId}/commit`, { as: saga });
    expect(commit.status).toBe(409);
    expect(commit.json.error.code).toBe('RESERVATION_EXPIRED');
    expect(await skuOf(slow, o, sku)).toMatchObject({ onHand: 2, reserved: 0, available: 2 });
    expect(await slow.outbox('inventory.reservation-released.v1', created.json.id)).toHaveLength(1);
  });
});
