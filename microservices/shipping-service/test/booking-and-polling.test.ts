import { newId } from '@haat/common';
import { signInternalRequest } from '@haat/tenant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShipmentBookingJob } from '../src/modules/shipments/shipment-booking.job.js';
import { TrackingPollJob } from '../src/modules/shipments/tracking-poll.job.js';
import { confirmedOrder, eventually, publishOrderConfirmed } from './support/order-events.js';
import { pdfText } from './support/pdf-tools.js';
import {
  owner,
  PATHAO,
  setUpTenant,
  type ShippingHarness,
  startShippingHarness,
} from './support/shipping.harness.js';

interface Shipment {
  id: string;
  courier: string;
  status: string;
  consignmentId: string | null;
  bookingError: string | null;
}

let s: ShippingHarness;
const tenant = newId();
const vendorA = newId();
const vendorB = newId();
let urls: Awaited<ReturnType<typeof setUpTenant>>;

const line = (sku: string) => ({
  lines: [{ sku, quantity: 1, weightGrams: 500 }],
  subtotalMinor: '100000',
  codAmountMinor: '100000',
});

async function shipmentsOf(orderId: string): Promise<Shipment[]> {
  return (
    await s.h.call<{ items: Shipment[] }>('GET', `/v1/shipments?orderId=${orderId}`, { as: owner(tenant) })
  ).json.items;
}

beforeAll(async () => {
  s = await startShippingHarness();
  urls = await setUpTenant(s, tenant, vendorA, vendorB);
  expect(await s.pathao.registerWebhook(PATHAO.clientId, urls.pathaoUrl, PATHAO.webhookSecret)).toBe(true);
  // No Steadfast webhook: its parcels are tracked by polling only.
});

afterAll(async () => {
  await s?.close();
});

describe('booking', () => {
  it('marks a parcel the courier refuses as booking_failed and says so with shipping.delivery-failed.v1', async () => {
    const vendorC = newId();
    const account = await s.h.call('PUT', '/v1/shipping/courier-accounts', {
      as: owner(tenant),
      body: { courier: 'pathao', vendorId: vendorC, credentials: PATHAO, settings: { defaultStoreId: 1002 } },
    });
    expect(account.status).toBe(200);
    const order = confirmedOrder(tenant, [{ vendorId: vendorC, ...line('LAMP-1') }]);
    await publishOrderConfirmed(s.h, order);
    const [failed] = await eventually(async () => {
      const list = await shipmentsOf(order.orderId);
      return list[0]?.status === 'booking_failed' ? list : undefined;
    });
    expect(failed?.bookingError).toMatch(/store is not active/);
    const events = (await s.h.outbox('shipping.delivery-failed.v1')).filter(
      (e) => e.payload.orderId === order.orderId,
    );
    expect(events.map((e) => e.payload.status)).toEqual(['booking_failed']);
  });

  it('adopts a booking whose answer was lost when Pathao announces it, without booking twice', async () => {
    s.pathao.http.inject(
      { method: 'POST', path: '/aladdin/api/v1/orders' },
      { kind: 'delayAfter', ms: 3_500 },
    );
    const order = confirmedOrder(tenant, [{ vendorId: vendorA, ...line('TEE-2') }]);
    await publishOrderConfirmed(s.h, order);
    const pending = await eventually(
      async () => {
        const [x] = await shipmentsOf(order.orderId);
        return x?.bookingError ? x : undefined;
      },
      15_000,
      'the timed-out booking',
    );
    expect(pending.status).toBe('pending');
    const atPathao = [...s.pathao.orders.values()].filter((o) => o.merchant_order_id === pending.id);
    expect(atPathao).toHaveLength(1);
    const [announced] = await s.pathao.advance(atPathao[0]?.consignment_id as string, 'order.created');
    expect(announced?.status).toBe(202);
    const [booked] = await shipmentsOf(order.orderId);
    expect(booked).toMatchObject({ status: 'booked', consignmentId: atPathao[0]?.consignment_id });
    await new Promise((r) => setTimeout(r, 500));
    expect([...s.pathao.orders.values()].filter((o) => o.merchant_order_id === pending.id)).toHaveLength(1);
    const created = (await s.h.outbox('shipping.shipment-created.v1')).filter(
      (e) => e.payload.orderId === order.orderId,
    );
    expect(created).toHaveLength(1);
  });
});

describe('concurrent booking rounds', () => {
  it('book each parcel once', async () => {
    const job = s.h.service.app.get(ShipmentBookingJob, { strict: false });
    const order = confirmedOrder(tenant, [
      { vendorId: vendorB, ...line('CUP-1') },
      { vendorId: vendorA, ...line('CAP-1') },
    ]);
    await publishOrderConfirmed(s.h, order);
    const ids = await eventually(async () => {
      const list = await shipmentsOf(order.orderId);
      return list.length === 2 ? list.map((x) => x.id) : undefined;
    });
    await Promise.all([job.runOnce(), job.runOnce(), job.runOnce(), job.runOnce()]);
    await eventually(async () =>
      (await shipmentsOf(order.orderId)).every((x) => x.status === 'booked') ? true : undefined,
    );
    const atSteadfast = [...s.steadfast.consignments.values()].filter((c) => ids.includes(c.invoice));
    const atPathao = [...s.pathao.orders.values()].filter((o) => ids.includes(o.merchant_order_id ?? ''));
    expect(atSteadfast).toHaveLength(1);
    expect(atPathao).toHaveLength(1);
  });
});

describe('polling', () => {
  it('moves a shipment whose courier sends no webhooks from what the courier reports', async () => {
    const order = confirmedOrder(tenant, [{ vendorId: vendorB, ...line('MUG-3') }]);
    await publishOrderConfirmed(s.h, order);
    const booked = await eventually(async () => {
      const [x] = await shipmentsOf(order.orderId);
      return x?.status === 'booked' ? x : undefined;
    });
    await s.steadfast.advance(Number(booked.consignmentId), 'delivered');
    const poller = s.h.service.app.get(TrackingPollJob, { strict: false });
    expect(await poller.runOnce(0)).toBeGreaterThanOrEqual(1);
    const [after] = await shipmentsOf(order.orderId);
    expect(after?.status).toBe('delivered');
    const delivered = (await s.h.outbox('shipping.delivered.v1')).filter(
      (e) => e.payload.orderId === order.orderId,
    );
    expect(delivered).toHaveLength(1);
    expect(await poller.runOnce(0)).toBe(0);
  });
});

describe('the shipping report', () => {
  it('renders a PDF by courier, zone and status with delivery times', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const requested = await s.h.call<{ id: string; location: string }>('POST', '/v1/shipping/reports', {
      as: owner(tenant),
      body: { kind: 'shipping.summary', params: { from: today, to: today } },
    });
    expect(requested.status, requested.text).toBe(202);
    const ready = await eventually(
      async () => {
        const r = await s.h.call<{ status: string; file: { url: string } | null }>(
          'GET',
          requested.json.location,
          { as: owner(tenant) },
        );
        return r.json.status === 'ready'
          ? r.json
          : r.json.status === 'failed'
            ? Promise.reject(new Error(r.text))
            : undefined;
      },
      30_000,
      'the report',
    );
    const path = ready.file?.url as string;
    const headers = signInternalRequest({
      method: 'GET',
      path,
      secret: s.h.secret,
      context: { ...owner(tenant), requestId: `t-${newId()}` },
    });
    const pdf = Buffer.from(await (await fetch(s.h.service.url + path, { headers })).arrayBuffer());
    const text = await pdfText(pdf);
    for (const expected of [
      'Shipping report',
      'By courier',
      'pathao',
      'steadfast',
      'inside dhaka',
      'booking failed',
      'Delivery times',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
