import { newId } from '@haat/common';
import { signInternalRequest } from '@haat/tenant';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedOrder, eventually, publishOrderConfirmed } from './support/order-events.js';
import { decodeBarcodes, pdfText } from './support/pdf-tools.js';
import {
  owner,
  setUpTenant,
  type ShippingHarness,
  startShippingHarness,
} from './support/shipping.harness.js';

interface Shipment {
  id: string;
  vendorId: string;
  courier: 'pathao' | 'steadfast';
  status: string;
  trackingId: string | null;
  consignmentId: string | null;
  warehouseId: string | null;
  labelUrl: string | null;
  codCollectedMinor: string | null;
  tracking?: { courierStatus: string; applied: string }[];
}

let s: ShippingHarness;
const tenant = newId();
const otherTenant = newId();
const vendorA = newId();
const vendorB = newId();
const nearWarehouse = newId();
const farWarehouse = newId();
let order: ReturnType<typeof confirmedOrder>;
let byCourier: Record<'pathao' | 'steadfast', Shipment>;
let urls: Awaited<ReturnType<typeof setUpTenant>>;

async function shipmentsOf(orderId: string, tenantId = tenant): Promise<Shipment[]> {
  const r = await s.h.call<{ items: Shipment[] }>('GET', `/v1/shipments?orderId=${orderId}`, {
    as: owner(tenantId),
  });
  expect(r.status, r.text).toBe(200);
  return r.json.items;
}

async function shipment(id: string, tenantId = tenant) {
  return s.h.call<Shipment>('GET', `/v1/shipments/${id}`, { as: owner(tenantId) });
}

beforeAll(async () => {
  s = await startShippingHarness();
  urls = await setUpTenant(s, tenant, vendorA, vendorB);
  await setUpTenant(s, otherTenant, newId(), newId());
  expect(await s.pathao.registerWebhook('client-a', urls.pathaoUrl, 'pathao-webhook-secret-a')).toBe(true);
  s.steadfast.registerWebhook('api-key-b', urls.steadfastUrl, 'steadfast-webhook-token-b');
  // Vendor A: a warehouse in Chattogram holding the goods and a nearer one in Uttara holding them too.
  s.inventory.warehouses.push(
    { id: farWarehouse, code: 'CTG', vendorId: vendorA, location: { latitude: 22.3569, longitude: 91.7832 } },
    {
      id: nearWarehouse,
      code: 'UTT',
      vendorId: vendorA,
      location: { latitude: 23.8759, longitude: 90.3795 },
    },
  );
  s.inventory.onHand.set(`${farWarehouse}|SHIRT-1`, 10).set(`${nearWarehouse}|SHIRT-1`, 3);
  order = confirmedOrder(tenant, [
    {
      vendorId: vendorA,
      lines: [{ sku: 'SHIRT-1', quantity: 2, weightGrams: 300 }],
      subtotalMinor: '250000',
      codAmountMinor: '250000',
    },
    {
      vendorId: vendorB,
      lines: [{ sku: 'MUG-9', quantity: 1, weightGrams: 700 }],
      subtotalMinor: '80000',
      codAmountMinor: '80000',
    },
  ]);
  await publishOrderConfirmed(s.h, order);
  const booked = await eventually(
    async () => {
      const list = await shipmentsOf(order.orderId);
      return list.length === 2 && list.every((x) => x.labelUrl) ? list : undefined;
    },
    20_000,
    'two booked and labelled shipments',
  );
  byCourier = Object.fromEntries(booked.map((x) => [x.courier, x])) as typeof byCourier;
});

afterAll(async () => {
  await s?.close();
});

describe('a confirmed two-vendor order', () => {
  it('creates one shipment per vendor, each with its vendor’s courier and a tracking id', () => {
    expect(byCourier.pathao.vendorId).toBe(vendorA);
    expect(byCourier.steadfast.vendorId).toBe(vendorB);
    expect(byCourier.pathao.status).toBe('booked');
    expect(byCourier.pathao.trackingId).toBe(byCourier.pathao.consignmentId);
    expect(byCourier.steadfast.trackingId).toMatch(/^[0-9A-F]{8}$/);
    expect(s.pathao.orders.get(byCourier.pathao.consignmentId ?? '')?.merchant_order_id).toBe(
      byCourier.pathao.id,
    );
    expect([...s.steadfast.consignments.values()].map((c) => c.invoice)).toContain(byCourier.steadfast.id);
  });

  it('ships vendor A’s parcel from its nearest warehouse holding the goods', () => {
    expect(byCourier.pathao.warehouseId).toBe(nearWarehouse);
    expect(s.inventory.served.every((r) => r.tenantId === tenant || r.tenantId === otherTenant)).toBe(true);
  });

  it('announces each booking once with shipping.shipment-created.v1', async () => {
    const created = (await s.h.outbox('shipping.shipment-created.v1')).filter(
      (e) => e.payload.orderId === order.orderId,
    );
    expect(created.map((e) => e.payload.trackingId).sort()).toEqual(
      [byCourier.pathao.trackingId, byCourier.steadfast.trackingId].sort(),
    );
    expect(created.every((e) => e.tenantId === tenant && e.payload.zone === 'inside_dhaka')).toBe(true);
  });

  it('prints labels whose Code 128 barcode decodes to the tracking id, with the cash to collect', async () => {
    for (const x of [byCourier.pathao, byCourier.steadfast]) {
      const res = await fetchLabel(x.id);
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/pdf');
      expect(await decodeBarcodes(res.body)).toEqual([x.trackingId]);
      const text = await pdfText(res.body);
      expect(text).toContain(x.courier === 'pathao' ? 'COD BDT 2500.00' : 'COD BDT 800.00');
      expect(text).toContain('Rahim Uddin');
    }
  });
});

describe('courier webhooks', () => {
  it('move both shipments to delivered, emitting shipped, delivered and COD collected once each', async () => {
    const p = byCourier.pathao.consignmentId as string;
    for (const event of [
      'order.pickup-requested',
      'order.picked',
      'order.in-transit',
      'order.assigned-for-delivery',
    ]) {
      const [d] = await s.pathao.advance(p, event);
      expect(d?.status).toBe(202);
      expect(d?.responseHeaders['x-pathao-merchant-webhook-integration-secret']).toBe(
        'f3992ecc-59da-4cbe-a049-a13da2018d51',
      );
    }
    // Delivered twice (a duplicate), then an out-of-order in-transit after it.
    const delivered = await s.pathao.advance(p, 'order.delivered', { times: 2 });
    expect(delivered.map((d) => d.status)).toEqual([202, 202]);
    const late = await s.pathao.advance(p, 'order.in-transit', {
      stale: true,
      at: new Date(Date.now() - 3_600_000),
    });
    expect(late[0]?.status).toBe(202);

    const sf = Number(byCourier.steadfast.consignmentId);
    await s.steadfast.track(sf, 'Picked up by the rider');
    await s.steadfast.advance(sf, 'pending');
    await s.steadfast.advance(sf, 'delivered_approval_pending');
    const sfDone = await s.steadfast.advance(sf, 'delivered', { capitalise: true, times: 2 });
    expect(sfDone.map((d) => [d.status, JSON.parse(d.responseBody).status])).toEqual([
      [200, 'success'],
      [200, 'success'],
    ]);

    const pathao = (await shipment(byCourier.pathao.id)).json;
    const steadfast = (await shipment(byCourier.steadfast.id)).json;
    expect(pathao.status).toBe('delivered');
    expect(steadfast.status).toBe('delivered');
    expect(pathao.codCollectedMinor).toBe('250000');
    expect(steadfast.codCollectedMinor).toBe('80000');
    expect(
      pathao.tracking?.filter((t) => t.courierStatus === 'order.in-transit').map((t) => t.applied),
    ).toEqual(['moved', 'stale']);

    const mine = async (type: string) =>
      (await s.h.outbox(type))
        .filter((e) => e.payload.orderId === order.orderId)
        .map((e) => e.payload.courier)
        .sort();
    expect(await mine('shipping.shipped.v1')).toEqual(['pathao', 'steadfast']);
    expect(await mine('shipping.delivered.v1')).toEqual(['pathao', 'steadfast']);
    const cod = (await s.h.outbox('shipping.cod-collected.v1')).filter(
      (e) => e.payload.orderId === order.orderId,
    );
    expect(cod.map((e) => [e.payload.courier, e.payload.amountMinor]).sort()).toEqual([
      ['pathao', '250000'],
      ['steadfast', '80000'],
    ]);
  });

  it('answers a repeated webhook as accepted and changes nothing', async () => {
    const before = (await shipment(byCourier.pathao.id)).json.tracking?.length;
    const outboxBefore = (await s.h.outbox()).length;
    for (const sender of [s.pathao.webhooks, s.steadfast.webhooks]) {
      const last = sender.deliveries.filter((d) => d.body.includes('elivered')).at(-1);
      if (!last) throw new Error('no delivered webhook was sent');
      const again = await sender.send(last.url, last.headers, last.body);
      expect(again.status).toBeLessThan(300);
    }
    expect((await s.h.outbox()).length).toBe(outboxBefore);
    const after = (await shipment(byCourier.pathao.id)).json;
    expect(after.status).toBe('delivered');
    expect(after.tracking?.length).toBe(before);
  });

  it('refuses a forged webhook with 401 and no effect', async () => {
    const fresh = confirmedOrder(tenant, [
      {
        vendorId: vendorA,
        lines: [{ sku: 'SHIRT-1', quantity: 1, weightGrams: 300 }],
        subtotalMinor: '100000',
        codAmountMinor: '0',
      },
      {
        vendorId: vendorB,
        lines: [{ sku: 'MUG-9', quantity: 1, weightGrams: 300 }],
        subtotalMinor: '100000',
        codAmountMinor: '0',
      },
    ]);
    await publishOrderConfirmed(s.h, fresh);
    const [p, sf] = await eventually(async () => {
      const list = await shipmentsOf(fresh.orderId);
      const pa = list.find((x) => x.courier === 'pathao' && x.consignmentId);
      const st = list.find((x) => x.courier === 'steadfast' && x.consignmentId);
      return pa && st ? [pa, st] : undefined;
    });
    const forged = await s.pathao.advance(p.consignmentId as string, 'order.delivered', {
      signature: 'not-the-secret',
    });
    const unsigned = await s.pathao.advance(p.consignmentId as string, 'order.delivered', {
      signature: null,
    });
    const wrongToken = await s.steadfast.advance(Number(sf.consignmentId), 'delivered', { token: 'guess' });
    const noToken = await s.steadfast.advance(Number(sf.consignmentId), 'delivered', { token: null });
    for (const d of [forged, unsigned, wrongToken, noToken]) {
      expect(d[0]?.status).toBe(401);
      expect(JSON.parse(d[0]?.responseBody ?? '{}').error.code).toBe('SHIPPING_WEBHOOK_SIGNATURE_INVALID');
    }
    for (const x of [p, sf]) {
      const now = (await shipment(x.id)).json;
      expect(now.status).toBe('booked');
      expect(now.tracking?.map((t) => t.courierStatus)).not.toContain('order.delivered');
    }
    const delivered = (await s.h.outbox('shipping.delivered.v1')).filter(
      (e) => e.payload.orderId === fresh.orderId,
    );
    expect(delivered).toHaveLength(0);
  });

  it('refuses a webhook about a consignment that is not the tenant’s', async () => {
    const res = await fetch(urls.steadfastUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer steadfast-webhook-token-b' },
      body: JSON.stringify({
        notification_type: 'delivery_status',
        consignment_id: 99999999,
        invoice: 'someone-else',
        cod_amount: 100,
        status: 'delivered',
        delivery_charge: 60,
        tracking_message: 'x',
        updated_at: '2026-01-01 10:00:00',
      }),
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'SHIPMENT_CONSIGNMENT_UNKNOWN',
    );
  });

  it('answers Pathao’s integration probe with 202 and its header, without a secret', async () => {
    const res = await fetch(urls.pathaoUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"event":"webhook_integration"}',
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-pathao-merchant-webhook-integration-secret')).toBe(
      'f3992ecc-59da-4cbe-a049-a13da2018d51',
    );
  });
});

describe('tenant isolation', () => {
  it('hides one tenant’s shipments, labels and tracking from another', async () => {
    expect(await shipmentsOf(order.orderId, otherTenant)).toEqual([]);
    const other = await shipment(byCourier.pathao.id, otherTenant);
    expect(other.status).toBe(404);
    const label = await s.h.call('GET', `/v1/shipments/${byCourier.pathao.id}/label`, {
      as: owner(otherTenant),
    });
    expect(label.status).toBe(404);
  });

  it('does not let a webhook sent to another tenant’s path touch this tenant’s shipment', async () => {
    const accounts = await s.h.call<{ items: { id: string; courier: string; webhookPath: string }[] }>(
      'GET',
      '/v1/shipping/courier-accounts',
      { as: owner(otherTenant) },
    );
    const otherSteadfast = accounts.json.items.find((a) => a.courier === 'steadfast');
    const res = await fetch(`${s.h.service.url}${otherSteadfast?.webhookPath.replace(/^\/api/, '')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer steadfast-webhook-token-b' },
      body: JSON.stringify({
        notification_type: 'delivery_status',
        consignment_id: Number(byCourier.steadfast.consignmentId),
        invoice: byCourier.steadfast.id,
        cod_amount: 800,
        status: 'cancelled',
        delivery_charge: 60,
        tracking_message: 'x',
        updated_at: '2026-01-02 10:00:00',
      }),
    });
    expect(res.status).toBe(404);
    expect((await shipment(byCourier.steadfast.id)).json.status).toBe('delivered');
  });

  it('shows a vendor’s people only their vendor’s shipments', async () => {
    const vendorCaller = {
      tenantId: tenant,
      userId: 'v-a',
      roles: [`vendor_owner:${vendorA}`],
      permissions: ['shipment:read'],
    };
    const list = await s.h.call<{ items: Shipment[] }>('GET', `/v1/shipments?orderId=${order.orderId}`, {
      as: vendorCaller,
    });
    expect(list.json.items.map((x) => x.vendorId)).toEqual([vendorA]);
    expect(
      (await s.h.call('GET', `/v1/shipments/${byCourier.steadfast.id}`, { as: vendorCaller })).status,
    ).toBe(404);
  });

  it('never shows sealed credentials, in the API or in the database', async () => {
    const accounts = await s.h.call<{ items: Record<string, unknown>[] }>(
      'GET',
      '/v1/shipping/courier-accounts',
      { as: owner(tenant) },
    );
    expect(JSON.stringify(accounts.json)).not.toContain('client-secret-a');
    expect(accounts.json.items.map((a) => a.credentialFields)).toContainEqual([
      'apiKey',
      'secretKey',
      'webhookToken',
    ]);
    const rows = await s.h.service.runtime.database.withTenant(tenant, (tx) =>
      tx.execute<{ sealed_credentials: string }>(sql`select sealed_credentials from courier_accounts`),
    );
    expect(rows.rows.length).toBe(2);
    expect(rows.rows.every((r) => !r.sealed_credentials.includes('secret'))).toBe(true);
  });
});

async function fetchLabel(id: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const path = `/v1/shipments/${id}/label`;
  const headers = signInternalRequest({
    method: 'GET',
    path,
    secret: s.h.secret,
    context: { ...owner(tenant), requestId: `t-${newId()}` },
  });
  const res = await fetch(s.h.service.url + path, { headers });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
  };
}
