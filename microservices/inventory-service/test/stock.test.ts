import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarehouse, receive, skuOf, uniqueSku } from './support/inventory.fixtures.js';
import {
  type ErrorJson,
  type Harness,
  operator,
  platform,
  startHarness,
  vendorOwner,
  vendorStaff,
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

interface MovementJson {
  type: string;
  warehouseId: string;
  onHandDelta: number;
  reservedDelta: number;
  onHandAfter: number;
  availableAfter: number;
  reason: string | null;
  actor: string;
  reference: { type: string; id: string } | null;
  counterpartWarehouseId: string | null;
}

async function history(sku: string, query = ''): Promise<MovementJson[]> {
  const res = await h.call<{ items: MovementJson[] }>('GET', `/v1/skus/${sku}/movements?limit=100${query}`, {
    as: owner,
  });
  expect(res.status, res.text).toBe(200);
  return res.json.items;
}

describe('stock levels and movements', () => {
  it('receives units into a warehouse, creating the SKU for the warehouse’s vendor', async () => {
    const wh = await createWarehouse(h, owner);
    const sku = uniqueSku();
    const res = await h.call('POST', '/v1/stock/receipts', {
      as: vendorStaff(tenant, vendor),
      body: { warehouseId: wh.id, reason: 'PO 17', lines: [{ sku, quantity: 12 }] },
      idempotencyKey: newId(),
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toEqual({
      levels: [{ warehouseId: wh.id, sku, onHand: 12, reserved: 0, available: 12 }],
    });

    const read = await skuOf(h, owner, sku);
    expect(read).toMatchObject({ sku, vendorId: vendor, onHand: 12, reserved: 0, available: 12 });
    expect(read.warehouses).toEqual([
      expect.objectContaining({ warehouseId: wh.id, onHand: 12, reserved: 0, available: 12 }),
    ]);
    expect(await history(sku)).toEqual([
      expect.objectContaining({
        type: 'receipt',
        warehouseId: wh.id,
        onHandDelta: 12,
        onHandAfter: 12,
        reason: 'PO 17',
        actor: `staff-of-${vendor}`,
      }),
    ]);
  });

  it('records every kind of change in the SKU’s history, newest first, with the level after it', async () => {
    const a = await createWarehouse(h, owner);
    const b = await createWarehouse(h, owner);
    const sku = uniqueSku();
    await receive(h, owner, a.id, [{ sku, quantity: 10 }]);
    const adjust = await h.call('POST', '/v1/stock/adjustments', {
      as: owner,
      body: { warehouseId: a.id, sku, delta: -2, reason: 'damaged in storage' },
      idempotencyKey: newId(),
    });
    expect(adjust.status, adjust.text).toBe(201);
    const transfer = await h.call('POST', '/v1/stock/transfers', {
      as: owner,
      body: { sku, fromWarehouseId: a.id, toWarehouseId: b.id, quantity: 3, reason: 'rebalance' },
      idempotencyKey: newId(),
    });
    expect(transfer.status, transfer.text).toBe(201);
    expect(transfer.json).toEqual({
      levels: [
        { warehouseId: a.id, sku, onHand: 5, reserved: 0, available: 5 },
        { warehouseId: b.id, sku, onHand: 3, reserved: 0, available: 3 },
      ],
    });
    const orderId = newId();
    expect(
      (
        await h.call('POST', '/v1/reservations', {
          as: platform(tenant),
          body: { orderId, lines: [{ sku, quantity: 4 }] },
        })
      ).status,
    ).toBe(201);
    expect(
      (await h.call('POST', `/v1/reservations/${orderId}/commit`, { as: platform(tenant) })).status,
    ).toBe(200);
    const returned = await h.call('POST', '/v1/stock/returns', {
      as: owner,
      body: { warehouseId: b.id, sku, quantity: 1, orderId, reason: 'wrong size' },
      idempotencyKey: newId(),
    });
    expect(returned.status, returned.text).toBe(201);
    const other = newId();
    await h.call('POST', '/v1/reservations', {
      as: platform(tenant),
      body: { orderId: other, lines: [{ sku, quantity: 1 }] },
    });
    await h.call('POST', `/v1/reservations/${other}/release`, {
      as: platform(tenant),
      body: { reason: 'cancelled' },
    });

    const moves = await history(sku);
    expect(moves.map((m) => m.type)).toEqual([
      'release',
      'reservation',
      'return',
      'commit',
      'reservation',
      'transfer',
      'transfer',
      'adjustment',
      'receipt',
    ]);
    const transferMoves = moves.filter((m) => m.type === 'transfer');
    expect(transferMoves).toEqual([
      expect.objectContaining({ warehouseId: b.id, onHandDelta: 3, counterpartWarehouseId: a.id }),
      expect.objectContaining({ warehouseId: a.id, onHandDelta: -3, counterpartWarehouseId: b.id }),
    ]);
    expect(moves.find((m) => m.type === 'commit')).toMatchObject({
      onHandDelta: -4,
      reservedDelta: -4,
      actor: 'system',
      reference: { type: 'order', id: orderId },
    });
    expect(moves.find((m) => m.type === 'return')).toMatchObject({
      reason: 'wrong size',
      reference: { type: 'order', id: orderId },
    });
    expect(await skuOf(h, owner, sku)).toMatchObject({ onHand: 5, reserved: 0, available: 5 });

    const onlyTransfers = await history(sku, `&type=transfer&warehouseId=${a.id}`);
    expect(onlyTransfers).toHaveLength(1);
  });

  it('keeps on hand from falling below what is reserved', async () => {
    const wh = await createWarehouse(h, owner);
    const sku = uniqueSku();
    await receive(h, owner, wh.id, [{ sku, quantity: 5 }]);
    await h.call('POST', '/v1/reservations', {
      as: platform(tenant),
      body: { orderId: newId(), lines: [{ sku, quantity: 4 }] },
    });
    const res = await h.call<ErrorJson>('POST', '/v1/stock/adjustments', {
      as: owner,
      body: { warehouseId: wh.id, sku, delta: -2, reason: 'count' },
      idempotencyKey: newId(),
    });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({
      code: 'STOCK_ADJUSTMENT_BELOW_RESERVED',
      details: { onHand: 5, reserved: 4, delta: -2 },
    });
    const transfer = await h.call<ErrorJson>('POST', '/v1/stock/transfers', {
      as: owner,
      body: { sku, fromWarehouseId: wh.id, toWarehouseId: (await createWarehouse(h, owner)).id, quantity: 2 },
      idempotencyKey: newId(),
    });
    expect(transfer.status).toBe(409);
    expect(transfer.json.error).toMatchObject({
      code: 'STOCK_INSUFFICIENT',
      details: { available: 1, requested: 2 },
    });
    expect(await skuOf(h, owner, sku)).toMatchObject({ onHand: 5, reserved: 4, available: 1 });
  });

  it('answers bad quantities with 400 naming the field, never 500', async () => {
    const wh = await createWarehouse(h, owner);
    const cases: [unknown, string][] = [
      [{ warehouseId: wh.id, lines: [{ sku: 'A-1', quantity: -3 }] }, 'lines.0.quantity'],
      [{ warehouseId: wh.id, lines: [{ sku: 'A-1', quantity: 1.5 }] }, 'lines.0.quantity'],
      [{ warehouseId: wh.id, lines: [{ sku: 'A-1', quantity: 0 }] }, 'lines.0.quantity'],
      [{ warehouseId: wh.id, lines: [{ sku: 'A-1', quantity: '2' }] }, 'lines.0.quantity'],
      [{ warehouseId: wh.id, lines: [{ sku: 'bad sku!', quantity: 1 }] }, 'lines.0.sku'],
      [
        {
          warehouseId: wh.id,
          lines: [
            { sku: 'A-1', quantity: 1 },
            { sku: 'A-1', quantity: 2 },
          ],
        },
        'lines.1.sku',
      ],
      [{ warehouseId: 'x', lines: [{ sku: 'A-1', quantity: 1 }] }, 'warehouseId'],
      [{ warehouseId: wh.id, lines: [] }, 'lines'],
    ];
    for (const [body, field] of cases) {
      const res = await h.call<ErrorJson>('POST', '/v1/stock/receipts', {
        as: owner,
        body,
        idempotencyKey: newId(),
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
      expect(res.json.error.details.fields?.[0]?.field).toBe(field);
    }
    const zero = await h.call<ErrorJson>('POST', '/v1/stock/adjustments', {
      as: owner,
      body: { warehouseId: wh.id, sku: 'A-1', delta: 0, reason: 'nothing' },
      idempotencyKey: newId(),
    });
    expect(zero.status).toBe(400);
    expect(zero.json.error.details.fields?.[0]?.field).toBe('delta');
    const reserve = await h.call<ErrorJson>('POST', '/v1/reservations', {
      as: platform(tenant),
      body: { orderId: newId(), lines: [{ sku: 'A-1', quantity: -1 }] },
    });
    expect(reserve.status).toBe(400);
    expect(reserve.json.error.details.fields?.[0]?.field).toBe('lines.0.quantity');
  });

  it('answers unknown SKUs and warehouses with 404 and a code', async () => {
    const wh = await createWarehouse(h, owner);
    const unknownSku = await h.call<ErrorJson>('POST', '/v1/stock/adjustments', {
      as: owner,
      body: { warehouseId: wh.id, sku: uniqueSku('NEVER'), delta: 3, reason: 'found' },
      idempotencyKey: newId(),
    });
    expect(unknownSku.status).toBe(404);
    expect(unknownSku.json.error.code).toBe('SKU_NOT_FOUND');
    expect(
      (await h.call<ErrorJson>('GET', `/v1/skus/${uniqueSku('NEVER')}`, { as: owner })).json.error.code,
    ).toBe('SKU_NOT_FOUND');

    const unknownWarehouse = await h.call<ErrorJson>('POST', '/v1/stock/receipts', {
      as: owner,
      body: { warehouseId: newId(), lines: [{ sku: uniqueSku(), quantity: 1 }] },
      idempotencyKey: newId(),
    });
    expect(unknownWarehouse.status).toBe(404);
    expect(unknownWarehouse.json.error.code).toBe('WAREHOUSE_NOT_FOUND');

    const reserveUnknown = await h.call<ErrorJson>('POST', '/v1/reservations', {
      as: platform(tenant),
      body: { orderId: newId(), lines: [{ sku: uniqueSku('NEVER'), quantity: 1 }] },
    });
    expect(reserveUnknown.status).toBe(404);
    expect(reserveUnknown.json.error.code).toBe('SKU_NOT_FOUND');
  });

  it('keeps a SKU in its vendor’s warehouses', async () => {
    const sku = uniqueSku();
    const mine = await createWarehouse(h, owner);
    await receive(h, owner, mine.id, [{ sku, quantity: 2 }]);
    const marketplace = await createWarehouse(h, operator(tenant));
    const res = await h.call<ErrorJson>('POST', '/v1/stock/receipts', {
      as: operator(tenant),
      body: { warehouseId: marketplace.id, lines: [{ sku, quantity: 1 }] },
      idempotencyKey: newId(),
    });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: 'SKU_VENDOR_MISMATCH', details: { skuVendorId: vendor } });

    const otherVendor = newId();
    const theirs = await createWarehouse(h, vendorOwner(tenant, otherVendor));
    const intoTheirs = await h.call<ErrorJson>('POST', '/v1/stock/receipts', {
      as: owner,
      body: { warehouseId: theirs.id, lines: [{ sku: uniqueSku(), quantity: 1 }] },
      idempotencyKey: newId(),
    });
    expect(intoTheirs.status).toBe(404);
    expect(intoTheirs.json.error.code).toBe('WAREHOUSE_NOT_FOUND');
  });

  it('needs an Idempotency-Key and applies a retried receipt once', async () => {
    const wh = await createWarehouse(h, owner);
    const sku = uniqueSku();
    const body = { warehouseId: wh.id, lines: [{ sku, quantity: 7 }] };
    const missing = await h.call<ErrorJson>('POST', '/v1/stock/receipts', { as: owner, body });
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');

    const key = newId();
    const [first, second] = await Promise.all([
      h.call('POST', '/v1/stock/receipts', { as: owner, body, idempotencyKey: key }),
      h.call('POST', '/v1/stock/receipts', { as: owner, body, idempotencyKey: key }),
    ]);
    const statuses = [first.status, second.status].sort();
    // The second either replays the first answer or is told the first is still running.
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    const third = await h.call('POST', '/v1/stock/receipts', { as: owner, body, idempotencyKey: key });
    expect(third.status).toBe(201);
    expect(third.headers.get('idempotent-replayed')).toBe('true');
    expect(await skuOf(h, owner, sku)).toMatchObject({ onHand: 7 });
  });

  it('values stock at its moving average cost', async () => {
    const wh = await createWarehouse(h, owner);
    const sku = uniqueSku();
    await receive(h, owner, wh.id, [
      { sku, quantity: 10, unitCost: { amountMinor: '10000', currency: 'BDT' } },
    ]);
    await receive(h, owner, wh.id, [
      { sku, quantity: 10, unitCost: { amountMinor: '20000', currency: 'BDT' } },
    ]);
    expect((await skuOf(h, owner, sku)).unitCost).toEqual({ amountMinor: '15000', currency: 'BDT' });
    const usd = await h.call<ErrorJson>('POST', '/v1/stock/receipts', {
      as: owner,
      body: {
        warehouseId: wh.id,
        lines: [{ sku, quantity: 1, unitCost: { amountMinor: '100', currency: 'USD' } }],
      },
      idempotencyKey: newId(),
    });
    expect(usd.status).toBe(409);
    expect(usd.json.error.code).toBe('SKU_COST_CURRENCY_MISMATCH');
  });

  it('checks availability for cart and order, counting active warehouses only', async () => {
    const open = await createWarehouse(h, owner);
    const closed = await createWarehouse(h, owner);
    const sku = uniqueSku();
    await receive(h, owner, open.id, [{ sku, quantity: 3 }]);
    await receive(h, owner, closed.id, [{ sku, quantity: 50 }]);
    await h.call('PATCH', `/v1/warehouses/${closed.id}`, { as: owner, body: { active: false } });
    const never = uniqueSku('NEVER');
    const res = await h.call('POST', '/v1/stock/check', {
      as: platform(tenant),
      body: {
        lines: [
          { sku, quantity: 3 },
          { sku: never, quantity: 1 },
        ],
      },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({
      allAvailable: false,
      lines: [
        { sku, requested: 3, available: 3, sufficient: true, known: true },
        { sku: never, requested: 1, available: 0, sufficient: false, known: false },
      ],
    });
    const otherVendor = await h.call('POST', '/v1/stock/check', {
      as: platform(tenant),
      body: { lines: [{ sku, quantity: 1, vendorId: newId() }] },
    });
    expect(otherVendor.json).toMatchObject({ allAvailable: false, lines: [{ available: 0 }] });
  });

  it('lists stock levels and SKUs page by page, a vendor seeing only its own', async () => {
    const sku = uniqueSku();
    const wh = await createWarehouse(h, owner);
    await receive(h, owner, wh.id, [{ sku, quantity: 1 }]);
    const mine = await h.call<{ items: { sku: string }[] }>('GET', `/v1/stock?sku=${sku}`, { as: owner });
    expect(mine.json.items).toEqual([
      expect.objectContaining({ sku, warehouseId: wh.id, onHand: 1, vendorId: vendor }),
    ]);
    const stranger = vendorOwner(tenant, newId());
    expect(
      (await h.call<{ items: unknown[] }>('GET', `/v1/stock?sku=${sku}`, { as: stranger })).json.items,
    ).toEqual([]);
    expect((await h.call<ErrorJson>('GET', `/v1/skus/${sku}`, { as: stranger })).status).toBe(404);

    const skus: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; json: { items: { sku: string }[]; nextCursor: string | null } } =
        await h.call('GET', `/v1/skus?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { as: owner });
      expect(page.status).toBe(200);
      skus.push(...page.json.items.map((s) => s.sku));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(skus).toContain(sku);
    expect([...skus].sort()).toEqual(skus);
  });
});
