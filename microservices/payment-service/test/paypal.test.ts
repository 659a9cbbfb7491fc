import { newId } from '@haat/common';
import type { PaypalEvent } from '@haat/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntentJson, PaymentHarness, type Shop } from './support/payment.harness.js';

let h: PaymentHarness;
let shop: Shop;

beforeAll(async () => {
  h = await new PaymentHarness().start();
  shop = await h.shop('pp');
});
afterAll(async () => {
  await h?.close();
});

async function createPaypal(amountMinor = '4999'): Promise<IntentJson> {
  const created = await h.createIntent(shop, { method: 'paypal', amountMinor, currency: 'USD' });
  expect(created.status, created.text).toBe(201);
  return created.json;
}

/** The buyer decides on the PayPal page; the browser follows the redirect back to the shop. */
async function decide(intent: IntentJson, outcome: 'approve' | 'decline' | 'cancel'): Promise<string> {
  const url = (intent.nextAction as { url: string }).url;
  expect((await h.browse(url)).status).toBe(200);
  const decided = await h.browse(url, { form: { outcome } });
  expect(decided.status).toBe(302);
  const back = await h.browse(decided.location as string);
  expect(back.status, back.text).toBe(303);
  return back.location as string;
}

const deliver = (event: PaypalEvent, clientId = shop.credentials.paypal.clientId, tenantId = shop.tenantId) =>
  h.sandboxes.paypal.deliver(
    h.webhookUrl('paypal', tenantId),
    h.sandboxes.paypal.signedDelivery(event, clientId),
  );

describe('PayPal Orders v2', () => {
  it('creates an order, the buyer approves, the return captures it: succeeded', async () => {
    const intent = await createPaypal();
    expect(intent.nextAction).toEqual({
      type: 'redirect',
      url: `${h.sandboxes.paypal.url}/checkoutnow?token=${intent.providerReference}`,
    });
    expect(await decide(intent, 'approve')).toContain('status=succeeded');
    const order = h.sandboxes.paypal.order(intent.providerReference as string);
    const capture = order?.purchase_units[0]?.payments?.captures?.[0];
    expect(order?.purchase_units[0]).toMatchObject({
      custom_id: intent.reference,
      amount: { currency_code: 'USD', value: '49.99' },
    });
    expect((await h.getIntent(shop, intent.id)).json).toMatchObject({
      status: 'succeeded',
      providerTransactionId: capture?.id,
    });
    expect((await h.outbox(intent.id)).map((e) => e.type)).toEqual(['payment.succeeded.v1']);
  });

  it('fails when the buyer’s instrument is declined at capture', async () => {
    const intent = await createPaypal();
    expect(await decide(intent, 'decline')).toContain('status=failed');
    expect((await h.getIntent(shop, intent.id)).json.failure).toMatchObject({
      code: 'PAYPAL_INSTRUMENT_DECLINED',
    });
  });

  it('cancels when the buyer cancels at PayPal', async () => {
    const intent = await createPaypal();
    expect(await decide(intent, 'cancel')).toContain('status=canceled');
  });

  it('retries a capture that timed out with the same PayPal-Request-Id and captures once', async () => {
    const intent = await createPaypal();
    h.sandboxes.paypal.http.reset();
    h.sandboxes.paypal.http.inject({ method: 'POST', path: /\/capture$/ }, { kind: 'delayAfter', ms: 1_500 });
    expect(await decide(intent, 'approve')).toContain('status=succeeded');
    const captures = h.sandboxes.paypal.http.calls.filter((c) => c.path.endsWith('/capture'));
    expect(captures.map((c) => c.headers['paypal-request-id'])).toEqual([
      `capture-${intent.id}`,
      `capture-${intent.id}`,
    ]);
    expect(
      h.sandboxes.paypal.order(intent.providerReference as string)?.purchase_units[0]?.payments?.captures,
    ).toHaveLength(1);
  });

  it('refuses a BDT payment (PayPal does not settle taka) without leaving it open', async () => {
    const created = await h.createIntent(shop, { method: 'paypal', amountMinor: '100000', currency: 'BDT' });
    expect(created.status).toBe(422);
    expect(created.json).toMatchObject({ error: { code: 'PAYMENT_CURRENCY_UNSUPPORTED' } });
  });

  it('refunds part, then the rest, then refuses a third', async () => {
    const intent = await createPaypal('10000');
    await decide(intent, 'approve');
    const path = `/v1/payments/intents/${intent.id}/refunds`;
    expect(
      (await h.call('POST', path, shop.staff, { body: { amountMinor: '3000' }, idempotencyKey: newId() }))
        .json,
    ).toMatchObject({ status: 'succeeded' });
    expect(
      (await h.call('POST', path, shop.staff, { body: { amountMinor: '7000' }, idempotencyKey: newId() }))
        .json,
    ).toMatchObject({ status: 'succeeded' });
    const third = await h.call('POST', path, shop.staff, {
      body: { amountMinor: '1' },
      idempotencyKey: newId(),
    });
    expect(third.status).toBe(409);
    expect((await h.getIntent(shop, intent.id)).json).toMatchObject({
      status: 'refunded',
      refundedMinor: '10000',
    });
  });
});

describe('PayPal webhooks', () => {
  it('captures from CHECKOUT.ORDER.APPROVED when the buyer never comes back', async () => {
    const intent = await createPaypal();
    h.sandboxes.paypal.approve(intent.providerReference as string);
    const approved = h.sandboxes.paypal.lastEvent(
      'CHECKOUT.ORDER.APPROVED',
      intent.providerReference as string,
    ) as PaypalEvent;
    const res = await deliver(approved);
    expect(res.status, res.body).toBe(200);
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('succeeded');
  });

  it('accepts PAYMENT.CAPTURE.COMPLETED once; the replay is a 200 with no second effect', async () => {
    const intent = await createPaypal();
    await decide(intent, 'approve');
    const capture = h.sandboxes.paypal.order(intent.providerReference as string)?.purchase_units[0]?.payments
      ?.captures?.[0];
    const event = h.sandboxes.paypal.lastEvent(
      'PAYMENT.CAPTURE.COMPLETED',
      capture?.id as string,
    ) as PaypalEvent;
    const first = await deliver(event);
    expect(first.status).toBe(200);
    const replay = await deliver(event);
    expect(JSON.parse(replay.body)).toMatchObject({ duplicate: true });
    expect((await h.outbox(intent.id)).map((e) => e.type)).toEqual(['payment.succeeded.v1']);
  });

  it('refuses a tampered body and another shop’s webhook (its webhook id does not verify here)', async () => {
    const intent = await createPaypal();
    h.sandboxes.paypal.approve(intent.providerReference as string);
    const approved = h.sandboxes.paypal.lastEvent(
      'CHECKOUT.ORDER.APPROVED',
      intent.providerReference as string,
    ) as PaypalEvent;
    const genuine = h.sandboxes.paypal.signedDelivery(approved, shop.credentials.paypal.clientId);
    const tampered = await h.sandboxes.paypal.deliver(h.webhookUrl('paypal', shop.tenantId), {
      ...genuine,
      body: genuine.body.replace('"CHECKOUT.ORDER.APPROVED"', '"CHECKOUT.ORDER.APPROVED" '),
    });
    expect(tampered.status).toBe(400);
    const other = await h.shop('pp-other');
    const crossed = await deliver(approved, other.credentials.paypal.clientId);
    expect(crossed.status).toBe(400);
    expect(JSON.parse(crossed.body)).toMatchObject({ error: { code: 'PAYMENT_WEBHOOK_SIGNATURE_INVALID' } });
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('requires_action');
  });
});
