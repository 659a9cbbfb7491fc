import { newId } from '@haat/common';
import { FakePathaoServer, FakeSteadfastServer } from '@haat/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathaoAccount, SteadfastAccount } from '../src/infrastructure/couriers/courier-account.js';
import type { CourierParcel } from '../src/infrastructure/couriers/courier-gateway.js';
import {
  CourierRejectedError,
  CourierUnavailableError,
} from '../src/infrastructure/couriers/courier.errors.js';
import { PathaoAdapter } from '../src/infrastructure/couriers/pathao/pathao.adapter.js';
import { PathaoClient } from '../src/infrastructure/couriers/pathao/pathao.client.js';
import { PathaoLocations } from '../src/infrastructure/couriers/pathao/pathao-locations.js';
import { PathaoTokenCache } from '../src/infrastructure/couriers/pathao/pathao-token.cache.js';
import { SteadfastAdapter } from '../src/infrastructure/couriers/steadfast/steadfast.adapter.js';

const pathaoFake = new FakePathaoServer({ tokenTtlSeconds: 3600 });
const steadfastFake = new FakeSteadfastServer({ errorMode: 'http200' });
let pathao: PathaoAdapter;
let steadfast: SteadfastAdapter;

const pathaoAccount: PathaoAccount = {
  id: newId(),
  tenantId: newId(),
  vendorId: null,
  courier: 'pathao',
  credentials: {
    clientId: 'c1',
    clientSecret: 's1',
    username: 'm@example.com',
    password: 'pw',
    webhookSecret: 'whsec-123456',
  },
  settings: { defaultStoreId: 1001, storeByWarehouse: {}, deliveryType: 48, itemType: 2 },
};
const steadfastAccount: SteadfastAccount = {
  id: newId(),
  tenantId: newId(),
  vendorId: null,
  courier: 'steadfast',
  credentials: { apiKey: 'k1', secretKey: 's1', webhookToken: 'token-123456' },
  settings: { deliveryType: 0 },
};

const parcel = (over: Partial<CourierParcel> = {}): CourierParcel => ({
  reference: newId(),
  recipient: {
    name: 'Karim Ahmed',
    phone: '+8801811111111',
    address: 'House 3, Road 2',
    district: 'Dhaka',
    area: 'Gulshan',
  },
  codAmountMinor: 120050n,
  weightGrams: 1300,
  itemCount: 2,
  description: '2 × TEE-1',
  warehouseId: null,
  ...over,
});

beforeAll(async () => {
  pathaoFake.addMerchant({ clientId: 'c1', clientSecret: 's1', username: 'm@example.com', password: 'pw' });
  steadfastFake.addMerchant({ apiKey: 'k1', secretKey: 's1' });
  steadfastFake.addMerchant({ apiKey: 'k-inactive', secretKey: 's2', active: false });
  await Promise.all([pathaoFake.start(), steadfastFake.start()]);
  const client = new PathaoClient(pathaoFake.url, 2_000, new PathaoTokenCache());
  pathao = new PathaoAdapter(client, new PathaoLocations(client));
  steadfast = new SteadfastAdapter(steadfastFake.url, 2_000);
});

afterAll(async () => {
  await Promise.all([pathaoFake.close(), steadfastFake.close()]);
});

describe('Pathao adapter', () => {
  it('logs in with the password grant once and books a parcel in Pathao’s units', async () => {
    const p = parcel();
    const booked = await pathao.book(pathaoAccount, p);
    expect(booked.courierStatus).toBe('Pending');
    expect(booked.trackingId).toBe(booked.consignmentId);
    const order = pathaoFake.orders.get(booked.consignmentId);
    expect(order).toMatchObject({
      merchant_order_id: p.reference,
      recipient_phone: '01811111111',
      amount_to_collect: 1201,
      item_weight: 1.3,
    });
    const grants = pathaoFake.http.calls
      .filter((c) => c.path.endsWith('/issue-token'))
      .map((c) => JSON.parse(c.body).grant_type);
    expect(grants).toEqual(['password']);
  });

  it('reads stores, cities, zones and areas', async () => {
    const stores = await pathao.stores(pathaoAccount);
    expect(stores.map((s) => [s.storeId, s.active])).toEqual([
      [1001, true],
      [1002, false],
    ]);
    const cities = await pathao.cities(pathaoAccount);
    expect(cities.find((c) => c.name === 'Dhaka')?.id).toBe(1);
    const zones = await pathao.zones(pathaoAccount, 1);
    expect(zones.map((z) => z.name)).toContain('Gulshan');
    const areas = await pathao.areas(pathaoAccount, 4);
    expect(areas.find((a) => a.name === 'Diabari')?.homeDelivery).toBe(false);
    await pathao.createStore(pathaoAccount, {
      name: 'Mirpur outlet',
      contactName: 'Store Manager',
      contactNumber: '01711111111',
      address: 'Plot 5, Section 10, Mirpur, Dhaka',
      cityId: 1,
      zoneId: 3,
      areaId: 121,
    });
    expect((await pathao.stores(pathaoAccount)).find((s) => s.name === 'Mirpur outlet')?.active).toBe(false);
  });

  it('surfaces Pathao’s validation errors as a refusal naming its fields', async () => {
    const pendingStore = { ...pathaoAccount, settings: { ...pathaoAccount.settings, defaultStoreId: 1002 } };
    const err = await pathao
      .book(pendingStore, parcel({ recipient: { ...parcel().recipient, phone: '12345' } }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CourierRejectedError);
    expect((err as CourierRejectedError).details.fields).toMatchObject({
      store_id: [expect.any(String)],
      recipient_phone: [expect.any(String)],
    });
    await expect(pathao.book(pathaoAccount, parcel({ weightGrams: 10_500 }))).rejects.toBeInstanceOf(
      CourierRejectedError,
    );
  });

  it('reads an order’s status by its display name', async () => {
    const booked = await pathao.book(pathaoAccount, parcel());
    await pathaoFake.advance(booked.consignmentId, 'order.at-the-sorting-hub');
    expect(await pathao.status(pathaoAccount, booked.consignmentId)).toEqual({
      courierStatus: 'order.at-the-sorting-hub',
      status: 'in_transit',
    });
  });

  it('accepts a bulk order and announces each consignment by webhook later', async () => {
    const first = parcel();
    await pathao.bookMany(pathaoAccount, [
      first,
      parcel({ recipient: { ...parcel().recipient, phone: 'bad' } }),
    ]);
    await new Promise((r) => setTimeout(r, 100));
    const created = [...pathaoFake.orders.values()].filter((o) => o.merchant_order_id === first.reference);
    expect(created).toHaveLength(1);
  });

  it('logs in again when the refresh token is refused', async () => {
    const client = new PathaoClient(pathaoFake.url, 2_000, new PathaoTokenCache());
    const adapter = new PathaoAdapter(client, new PathaoLocations(client));
    await adapter.stores(pathaoAccount);
    pathaoFake.expireTokens();
    pathaoFake.http.inject(
      { method: 'POST', path: '/aladdin/api/v1/issue-token' },
      { kind: 'respond', response: { status: 401, body: { message: 'The refresh token is invalid.' } } },
    );
    const from = pathaoFake.http.calls.length;
    expect((await adapter.stores(pathaoAccount)).length).toBeGreaterThan(0);
    const grants = pathaoFake.http.calls
      .slice(from)
      .filter((c) => c.path.endsWith('/issue-token'))
      .map((c) => [c.status, JSON.parse(c.body).grant_type]);
    expect(grants).toEqual([
      [401, 'refresh_token'],
      [200, 'password'],
    ]);
  });

  it('reports a courier that does not answer in time as unavailable', async () => {
    pathaoFake.http.inject(
      { method: 'POST', path: '/aladdin/api/v1/orders' },
      { kind: 'delayAfter', ms: 2_500 },
    );
    await expect(pathao.book(pathaoAccount, parcel())).rejects.toBeInstanceOf(CourierUnavailableError);
    pathaoFake.http.inject(
      { method: 'POST', path: '/aladdin/api/v1/orders' },
      { kind: 'respond', response: { status: 503, body: 'maintenance' } },
    );
    await expect(pathao.book(pathaoAccount, parcel())).rejects.toBeInstanceOf(CourierUnavailableError);
  });
});

describe('Steadfast adapter', () => {
  it('books with the tracking code and finds the parcel by consignment id, invoice and tracking code alike', async () => {
    const p = parcel();
    const booked = await steadfast.book(steadfastAccount, p);
    expect(booked.trackingId).toMatch(/^[0-9A-F]{8}$/);
    await steadfastFake.advance(Number(booked.consignmentId), 'hold');
    expect(await steadfast.status(steadfastAccount, booked.consignmentId)).toEqual({
      courierStatus: 'hold',
      status: null,
    });
    expect(await steadfast.statusByInvoice(steadfastAccount, p.reference)).toEqual({
      courierStatus: 'hold',
      status: null,
    });
    expect(await steadfast.statusByTrackingCode(steadfastAccount, booked.trackingId)).toEqual({
      courierStatus: 'hold',
      status: null,
    });
  });

  it('refuses a duplicate invoice even when Steadfast answers HTTP 200 with status 400 inside', async () => {
    const p = parcel();
    await steadfast.book(steadfastAccount, p);
    const err = await steadfast.book(steadfastAccount, p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CourierRejectedError);
    expect((err as CourierRejectedError).details.fields).toEqual({
      invoice: ['The invoice has already been taken.'],
    });
  });

  it('tells whether a parcel exists by our reference, for reconciling after a lost answer', async () => {
    const p = parcel();
    steadfastFake.http.inject(
      { method: 'POST', path: '/api/v1/create_order' },
      { kind: 'delayAfter', ms: 2_500 },
    );
    await expect(steadfast.book(steadfastAccount, p)).rejects.toBeInstanceOf(CourierUnavailableError);
    expect(await steadfast.exists(steadfastAccount, p.reference)).toBe(true);
    expect(await steadfast.exists(steadfastAccount, newId())).toBe(false);
  });

  it('books in bulk, item by item', async () => {
    const ok = parcel();
    const bad = parcel({ recipient: { ...parcel().recipient, phone: '99' } });
    const results = await steadfast.bookMany(steadfastAccount, [ok, bad]);
    expect(results.map((r) => [r.reference, r.booked !== null])).toEqual([
      [ok.reference, true],
      [bad.reference, false],
    ]);
  });

  it('reports the balance, which grows when a parcel is delivered', async () => {
    const before = await steadfast.balance(steadfastAccount);
    const booked = await steadfast.book(steadfastAccount, parcel({ codAmountMinor: 50000n }));
    await steadfastFake.advance(Number(booked.consignmentId), 'delivered');
    expect((await steadfast.balance(steadfastAccount)) - before).toBe(44000n);
  });

  it('refuses wrong keys and an inactive account', async () => {
    const wrong = {
      ...steadfastAccount,
      credentials: { ...steadfastAccount.credentials, secretKey: 'nope' },
    };
    await expect(steadfast.balance(wrong)).rejects.toMatchObject({ code: 'SHIPPING_COURIER_AUTH_FAILED' });
    const inactive = {
      ...steadfastAccount,
      credentials: { ...steadfastAccount.credentials, apiKey: 'k-inactive', secretKey: 's2' },
    };
    await expect(steadfast.balance(inactive)).rejects.toMatchObject({ code: 'SHIPPING_COURIER_REJECTED' });
  });

  it('verifies webhooks by bearer token and reads both notification types', () => {
    const body = (o: Record<string, unknown>) => Buffer.from(JSON.stringify(o));
    const update = steadfast.verifyWebhook(steadfastAccount, {
      headers: { authorization: 'Bearer token-123456' },
      rawBody: body({
        notification_type: 'delivery_status',
        consignment_id: 7,
        invoice: 'inv-1',
        cod_amount: 1200.5,
        status: 'Partial Delivered',
        updated_at: '2026-03-01 12:00:00',
      }),
    });
    expect(update).toMatchObject({
      kind: 'update',
      consignmentId: '7',
      reference: 'inv-1',
      status: 'partially_delivered',
      collectedAmountMinor: 120050n,
    });
    expect(update.kind === 'update' && update.occurredAt?.toISOString()).toBe('2026-03-01T06:00:00.000Z');
    const tracking = steadfast.verifyWebhook(steadfastAccount, {
      headers: { authorization: 'Bearer token-123456' },
      rawBody: body({
        notification_type: 'tracking_update',
        consignment_id: 7,
        invoice: 'inv-1',
        tracking_message: 'At hub',
        updated_at: '2026-03-01 12:00:00',
      }),
    });
    expect(tracking).toMatchObject({
      kind: 'update',
      status: null,
      courierStatus: 'tracking_update',
      message: 'At hub',
    });
    expect(() =>
      steadfast.verifyWebhook(steadfastAccount, {
        headers: { authorization: 'Bearer token-1234567' },
        rawBody: body({}),
      }),
    ).toThrow(expect.objectContaining({ code: 'SHIPPING_WEBHOOK_SIGNATURE_INVALID' }));
  });
});
