import { newId } from '@haat/common';
import {
  type EventEnvelope,
  OrderConfirmedV1,
  ShipmentDeliveryFailedV1,
  ShipmentShippedV1,
} from '@haat/contracts';
import { envelope } from '@haat/messaging';
import { systemContext, type TenantContext } from '@haat/tenant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PerformanceFact } from '../src/modules/metrics/dto/metrics.dto.js';
import { VendorMetricsService } from '../src/modules/metrics/vendor-metrics.service.js';
import { approvedVendor } from './support/vendor.fixtures.js';
import { applicant, type Harness, startHarness, vendorStaff } from './support/vendor.harness.js';

let h: Harness;
const tenant = newId();
let vendor: string;
let otherVendor: string;

beforeAll(async () => {
  h = await startHarness({ now: new Date('2026-03-31T18:00:00Z') });
  vendor = await approvedVendor(h, tenant, applicant(tenant));
  otherVendor = await approvedVendor(h, tenant, applicant(tenant));
});
afterAll(async () => {
  await h?.close();
});

const on = { tenantId: tenant };
/** Delivers an event as order- or shipping-service's relay would (in-process: returns once handled). */
const deliver = (e: EventEnvelope) => h.svc.runtime.transport.publish(e);

function orderConfirmed(
  confirmedAt: string,
  subOrders: { subOrderId: string; vendorId: string; subtotalMinor: string }[],
) {
  const orderId = newId();
  return envelope(OrderConfirmedV1, on, {
    aggregateType: 'order',
    aggregateId: orderId,
    payload: {
      orderId,
      tenantId: tenant,
      customer: { userId: null, name: 'Karim', phone: '01711111111' },
      shippingAddress: { line1: 'Road 1', district: 'Dhaka', country: 'BD' },
      locale: 'bn',
      currency: 'BDT',
      paymentMethod: 'cod',
      codAmountMinor: '0',
      subOrders: subOrders.map((s) => ({
        ...s,
        lines: [{ sku: 'SKU-1', quantity: 1, weightGrams: 500 }],
        codAmountMinor: '0',
      })),
      confirmedAt,
    },
  });
}

const parcel = (vendorId: string, subOrderId: string) => ({
  shipmentId: newId(),
  orderId: newId(),
  subOrderId,
  vendorId,
  courier: 'pathao' as const,
  trackingId: null,
  consignmentId: null,
});
const shipped = (vendorId: string, subOrderId: string, shippedAt: string) =>
  envelope(ShipmentShippedV1, on, {
    aggregateType: 'shipment',
    aggregateId: newId(),
    payload: { ...parcel(vendorId, subOrderId), shippedAt },
  });
const failed = (
  vendorId: string,
  subOrderId: string,
  status: 'returned' | 'delivery_failed',
  failedAt: string,
) =>
  envelope(ShipmentDeliveryFailedV1, on, {
    aggregateType: 'shipment',
    aggregateId: newId(),
    payload: { ...parcel(vendorId, subOrderId), status, reason: null, failedAt },
  });

/** Facts no contract carries yet (vendor cancellations, ratings), recorded as their consumers will. */
async function record(facts: PerformanceFact[]): Promise<boolean[]> {
  const metrics = h.svc.app.get(VendorMetricsService, { strict: false });
  const ctx = systemContext(`test-${newId()}`, tenant) as TenantContext;
  return h.svc.runtime.database.withTenant(tenant, async (tx) => {
    const out: boolean[] = [];
    for (const f of facts) out.push(await metrics.record(ctx, f, tx));
    return out;
  });
}

const metricsOf = (vendorId: string, query = 'from=2026-03-01&to=2026-03-31') =>
  h.call<Record<string, unknown>>('GET', `/v1/vendors/${vendorId}/metrics${query ? `?${query}` : ''}`, {
    as: vendorStaff(tenant, vendorId),
  });

describe('seller performance metrics', () => {
  it('match a hand-computed set of order and shipping events', async () => {
    const [s1, s2, s3, s4, sOther] = [newId(), newId(), newId(), newId(), newId()];
    const first = orderConfirmed('2026-03-02T10:00:00Z', [
      { subOrderId: s1, vendorId: vendor, subtotalMinor: '100000' },
      { subOrderId: sOther, vendorId: otherVendor, subtotalMinor: '50000' },
    ]);
    await deliver(first);
    await deliver(first); // redelivered: counted once
    await deliver(
      orderConfirmed('2026-03-03T10:00:00Z', [{ subOrderId: s2, vendorId: vendor, subtotalMinor: '250050' }]),
    );
    await deliver(
      orderConfirmed('2026-03-04T10:00:00Z', [{ subOrderId: s3, vendorId: vendor, subtotalMinor: '100000' }]),
    );
    await deliver(
      orderConfirmed('2026-03-05T10:00:00Z', [{ subOrderId: s4, vendorId: vendor, subtotalMinor: '100000' }]),
    );
    await deliver(
      orderConfirmed('2026-02-27T10:00:00Z', [
        { subOrderId: newId(), vendorId: vendor, subtotalMinor: '999' },
      ]),
    ); // before the period

    await deliver(shipped(vendor, s1, '2026-03-03T10:00:00Z')); // 24 h, within the 2-day handling time
    await deliver(shipped(vendor, s2, '2026-03-06T10:00:00Z')); // 72 h: late
    await deliver(shipped(vendor, s3, '2026-03-05T22:00:00Z')); // 36 h
    await deliver(shipped(vendor, newId(), '2026-03-07T10:00:00Z')); // an order never seen: no time, not judged
    await deliver(failed(vendor, s3, 'returned', '2026-03-10T10:00:00Z'));
    await deliver(failed(vendor, s1, 'delivery_failed', '2026-03-11T10:00:00Z')); // not a return
    await record([
      {
        kind: 'order_cancelled_by_vendor',
        id: newId(),
        vendorId: vendor,
        occurredAt: new Date('2026-03-06T08:00:00Z'),
        orderId: s4,
      },
      {
        kind: 'review_rated',
        id: newId(),
        vendorId: vendor,
        occurredAt: new Date('2026-03-12T08:00:00Z'),
        rating: 5,
      },
      {
        kind: 'review_rated',
        id: newId(),
        vendorId: vendor,
        occurredAt: new Date('2026-03-13T08:00:00Z'),
        rating: 4,
      },
    ]);

    const res = await metricsOf(vendor);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      vendorId: vendor,
      period: { from: '2026-03-01', to: '2026-03-31' },
      // 100 000 + 250 050 + 100 000 + 100 000; the return of s3 gives back 100 000.
      sales: [{ currency: 'BDT', gross: '550050', returned: '100000', net: '450050' }],
      orders: 4,
      shipped: 4,
      averageFulfilmentHours: 44, // (24 + 72 + 36) / 3
      cancellationRate: 0.25, // 1 / 4
      lateShipmentRate: 0.3333, // 1 / 3 judged
      returnRate: 0.25, // 1 / 4 shipped
      rating: { average: 4.5, count: 2 },
      performanceTier: 'new',
      tierReasons: ['4 orders in the period, fewer than 10'],
    });
    const other = await metricsOf(otherVendor);
    expect(other.json).toMatchObject({ orders: 1, shipped: 0, sales: [{ currency: 'BDT', gross: '50000' }] });
  });

  it('counts a fact recorded twice once', async () => {
    const fact: PerformanceFact = {
      kind: 'review_rated',
      id: newId(),
      vendorId: vendor,
      occurredAt: new Date('2026-03-30T10:00:00Z'),
      rating: 1,
    };
    expect(await record([fact, fact])).toEqual([true, false]);
    const res = await metricsOf(vendor, 'from=2026-03-30&to=2026-03-30');
    expect(res.json.rating).toEqual({ average: 1, count: 1 });
  });

  it('defaults to the last 30 days by the service clock and refuses a backwards period', async () => {
    expect((await metricsOf(vendor, '')).json.period).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect((await metricsOf(vendor, 'from=2026-03-10&to=2026-03-01')).status).toBe(400);
  });
});
