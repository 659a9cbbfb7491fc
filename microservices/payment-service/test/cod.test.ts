import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '@haat/common';
import { ShippingCodCollectedV1 } from '@haat/contracts';
import { envelope } from '@haat/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntentJson, PaymentHarness, randomPhone, type Shop } from './support/payment.harness.js';

let h: PaymentHarness;
let shop: Shop;

beforeAll(async () => {
  h = await new PaymentHarness().start();
  shop = await h.shop('cod');
});
afterAll(async () => {
  await h?.close();
});

async function createCod(amountMinor = '85000'): Promise<IntentJson> {
  const created = await h.createIntent(shop, {
    method: 'cod',
    amountMinor,
    currency: 'BDT',
    customer: { phone: randomPhone() },
    shippingAddress: { line1: 'House 12, Road 5, Dhanmondi', city: 'Dhaka', country: 'BD' },
  });
  expect(created.status, created.text).toBe(201);
  return created.json;
}

function collected(orderId: string, amountMinor: string) {
  return envelope(
    ShippingCodCollectedV1,
    { tenantId: shop.tenantId },
    {
      aggregateType: 'shipment',
      aggregateId: `shp-${orderId}`,
      payload: {
        orderId,
        shipmentId: `SHP-${newId().slice(0, 8)}`,
        amountMinor,
        currency: 'BDT',
        courier: 'pathao',
        collectedAt: new Date().toISOString(),
      },
    },
  );
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error('condition not met in time');
}

describe('cash on delivery', () => {
  it('waits for the courier without sending the customer anywhere', async () => {
    expect(await createCod()).toMatchObject({ status: 'processing', nextAction: null, method: 'cod' });
  });

  it('succeeds when the courier reports the collection, once even if the event comes twice', async () => {
    const intent = await createCod();
    const event = collected(intent.orderId, '85000');
    await h.svc.runtime.transport.publish(event);
    await h.svc.runtime.transport.publish(event);
    await until(async () => (await h.getIntent(shop, intent.id)).json.status === 'succeeded');
    await sleep(200);
    expect((await h.outbox(intent.id)).map((e) => [e.type, e.payload.method, e.payload.amountMinor])).toEqual(
      [['payment.succeeded.v1', 'cod', '85000']],
    );
  });

  it('keeps the payment open when the collected cash differs, and tells staff on the timeline', async () => {
    const intent = await createCod();
    await h.svc.runtime.transport.publish(collected(intent.orderId, '80000'));
    await until(async () => {
      const timeline = await h.call<{ items: { kind: string }[] }>(
        'GET',
        `/v1/payments/intents/${intent.id}/events`,
        shop.staff,
      );
      return timeline.json.items.some((e) => e.kind === 'amount_mismatch');
    });
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('processing');
  });

  it('records a cash refund handed back by staff', async () => {
    const intent = await createCod('20000');
    await h.svc.runtime.transport.publish(collected(intent.orderId, '20000'));
    await until(async () => (await h.getIntent(shop, intent.id)).json.status === 'succeeded');
    const refund = await h.call('POST', `/v1/payments/intents/${intent.id}/refunds`, shop.staff, {
      body: { amountMinor: '5000' },
      idempotencyKey: newId(),
    });
    expect(refund.json).toMatchObject({ status: 'succeeded' });
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('partially_refunded');
  });
});
