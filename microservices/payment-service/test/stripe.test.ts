import { newId } from '@haat/common';
import type { StripeEvent } from '@haat/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntentJson, PaymentHarness, type Shop } from './support/payment.harness.js';

let h: PaymentHarness;
let shop: Shop;

beforeAll(async () => {
  h = await new PaymentHarness().start();
  shop = await h.shop('st');
});
afterAll(async () => {
  await h?.close();
});

async function createStripe(extra: Record<string, unknown> = {}, amountMinor = '2500'): Promise<IntentJson> {
  const created = await h.createIntent(shop, { method: 'stripe', amountMinor, currency: 'USD', ...extra });
  expect(created.status, created.text).toBe(201);
  return created.json;
}

function lastEvent(type: string, piId: string): StripeEvent {
  const event = h.sandboxes.stripe.lastEvent(type, piId);
  if (!event) throw new Error(`no ${type} for ${piId}`);
  return event;
}

const deliver = (event: StripeEvent, options: { timestamp?: number; secrets?: string[] } = {}) =>
  h.sandboxes.stripe.deliver(
    h.webhookUrl('stripe', shop.tenantId),
    h.sandboxes.stripe.signedDelivery(event, { secretKey: shop.credentials.stripe.secretKey, ...options }),
  );

describe('Stripe PaymentIntents', () => {
  it('confirms a card token at once: succeeded, with payment.succeeded.v1', async () => {
    const intent = await createStripe({ paymentToken: 'pm_card_visa' });
    expect(intent).toMatchObject({ status: 'succeeded', capturedMinor: '2500', nextAction: null });
    const pi = h.sandboxes.stripe.intent(intent.providerReference as string);
    expect(pi).toMatchObject({
      status: 'succeeded',
      amount: 2500,
      currency: 'usd',
      capture_method: 'automatic',
      metadata: { intent_id: intent.id },
    });
    expect((await h.outbox(intent.id)).map((e) => [e.type, e.payload.providerTransactionId])).toEqual([
      ['payment.succeeded.v1', pi?.latest_charge],
    ]);
  });

  it('sends a customer without a token to the sandbox card page and back', async () => {
    const intent = await createStripe();
    expect(intent.status).toBe('requires_action');
    const page = (intent.nextAction as { url: string }).url;
    expect(page).toContain(`${h.sandboxes.stripe.url}/sandbox/checkout/${intent.providerReference}`);
    const paid = await h.browse(page, { form: { payment_method: 'pm_card_visa' } });
    expect(paid.status).toBe(302);
    const back = await h.browse(paid.location as string);
    expect(back.status, back.text).toBe(303);
    expect(back.location).toContain('status=succeeded');
  });

  it('fails a declined card with the decline code', async () => {
    const intent = await createStripe({ paymentToken: 'pm_card_chargeDeclinedInsufficientFunds' });
    expect(intent).toMatchObject({ status: 'failed', failure: { code: 'CARD_INSUFFICIENT_FUNDS' } });
    expect((await h.outbox(intent.id)).map((e) => e.type)).toEqual(['payment.failed.v1']);
  });

  it('sends the customer through 3-D Secure and settles on return', async () => {
    const intent = await createStripe({ paymentToken: 'pm_card_authenticationRequired' });
    expect(intent.status).toBe('requires_action');
    const threeDs = (intent.nextAction as { url: string }).url;
    expect(threeDs).toContain('/sandbox/3ds/');
    const done = await h.browse(threeDs, { form: { outcome: 'complete' } });
    const back = await h.browse(done.location as string);
    expect(back.location).toContain('status=succeeded');
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('succeeded');
  });

  it('retries a confirmation that timed out with the same Idempotency-Key and gets Stripe’s replay, charging once', async () => {
    h.sandboxes.stripe.http.reset();
    h.sandboxes.stripe.http.inject({ method: 'POST', path: /\/confirm$/ }, { kind: 'delayAfter', ms: 1_500 });
    const intent = await createStripe({ paymentToken: 'pm_card_visa' });
    expect(intent.status).toBe('succeeded');
    const confirms = h.sandboxes.stripe.http.calls.filter((c) => c.path.endsWith('/confirm'));
    expect(confirms).toHaveLength(2);
    expect(new Set(confirms.map((c) => c.headers['idempotency-key']))).toEqual(
      new Set([`${intent.id}:confirm`]),
    );
    const succeeded = h.sandboxes.stripe.events.filter(
      (e) => e.type === 'payment_intent.succeeded' && e.data.object.id === intent.providerReference,
    );
    expect(succeeded).toHaveLength(1);
  });

  it('refunds part, then the rest, then refuses a third', async () => {
    const intent = await createStripe({ paymentToken: 'pm_card_visa' }, '10000');
    const path = `/v1/payments/intents/${intent.id}/refunds`;
    const first = await h.call('POST', path, shop.staff, {
      body: { amountMinor: '2500' },
      idempotencyKey: newId(),
    });
    expect(first.json).toMatchObject({
      status: 'succeeded',
      providerRefundId: expect.stringMatching(/^re_/),
    });
    const second = await h.call('POST', path, shop.staff, { body: {}, idempotencyKey: newId() });
    expect(second.json).toMatchObject({ status: 'succeeded', amountMinor: '7500' });
    const third = await h.call('POST', path, shop.staff, {
      body: { amountMinor: '100' },
      idempotencyKey: newId(),
    });
    expect(third.json).toMatchObject({ error: { code: 'PAYMENT_REFUND_EXCEEDS_REFUNDABLE' } });
    expect((await h.getIntent(shop, intent.id)).json).toMatchObject({
      status: 'refunded',
      refundedMinor: '10000',
    });
  });

  it('follows a pending refund to the end through the refund.updated webhook', async () => {
    const intent = await createStripe({ paymentToken: 'pm_card_visa' }, '4000');
    h.sandboxes.stripe.refundsStartPending = true;
    const refund = await h.call<{ id: string; status: string; providerRefundId: string }>(
      'POST',
      `/v1/payments/intents/${intent.id}/refunds`,
      shop.staff,
      {
        body: {},
        idempotencyKey: newId(),
      },
    );
    h.sandboxes.stripe.refundsStartPending = false;
    expect(refund.json.status).toBe('pending');
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('succeeded');
    h.sandboxes.stripe.settleRefund(refund.json.providerRefundId, 'succeeded');
    const updated = h.sandboxes.stripe.events.find(
      (e) => e.type === 'refund.updated' && e.data.object.id === refund.json.providerRefundId,
    );
    expect((await deliver(updated as StripeEvent)).status).toBe(200);
    expect((await h.call('GET', `/v1/payments/refunds/${refund.json.id}`, shop.staff)).json).toMatchObject({
      status: 'succeeded',
    });
    expect((await h.getIntent(shop, intent.id)).json).toMatchObject({
      status: 'refunded',
      refundedMinor: '4000',
    });
  });
});

describe('Stripe webhooks', () => {
  async function paidOnPage(): Promise<IntentJson> {
    const intent = await createStripe();
    // The customer pays through Stripe and never comes back: only the webhook tells us.
    await h.browse((intent.nextAction as { url: string }).url, { form: { payment_method: 'pm_card_visa' } });
    return intent;
  }

  it('settles a payment from a verified webhook, once; a replay answers 200 and changes nothing', async () => {
    const intent = await paidOnPage();
    const event = lastEvent('payment_intent.succeeded', intent.providerReference as string);
    const first = await deliver(event);
    expect(first.status, first.body).toBe(200);
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('succeeded');
    const replay = await deliver(event);
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toMatchObject({ duplicate: true });
    expect((await h.outbox(intent.id)).map((e) => e.type)).toEqual(['payment.succeeded.v1']);
  });

  it('refuses a forged signature, a tampered body and a stale timestamp with 400 and no effect', async () => {
    const intent = await paidOnPage();
    const event = lastEvent('payment_intent.succeeded', intent.providerReference as string);
    const forged = await deliver(event, { secrets: ['whsec_attackerSecret123'] });
    expect(forged.status).toBe(400);
    expect(JSON.parse(forged.body)).toMatchObject({ error: { code: 'PAYMENT_WEBHOOK_SIGNATURE_INVALID' } });
    const genuine = h.sandboxes.stripe.signedDelivery(event, {
      secretKey: shop.credentials.stripe.secretKey,
    });
    const tampered = await h.sandboxes.stripe.deliver(h.webhookUrl('stripe', shop.tenantId), {
      ...genuine,
      body: genuine.body.replace('"amount":2500', '"amount":1'),
    });
    expect(tampered.status).toBe(400);
    const stale = await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(400);
    expect(stale.body).toContain('tolerance');
    const unsigned = await h.sandboxes.stripe.deliver(h.webhookUrl('stripe', shop.tenantId), {
      headers: { 'content-type': 'application/json' },
      body: genuine.body,
    });
    expect(unsigned.status).toBe(400);
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('requires_action');
  });

  it('ignores an event that arrives after a newer one (out of order)', async () => {
    const intent = await createStripe({ paymentToken: 'pm_card_processing' });
    expect(intent.status).toBe('processing');
    const processing = lastEvent('payment_intent.processing', intent.providerReference as string);
    h.sandboxes.stripe.settle(intent.providerReference as string, 'succeeded');
    expect(
      (await deliver(lastEvent('payment_intent.succeeded', intent.providerReference as string))).status,
    ).toBe(200);
    const late = await deliver(processing);
    expect(late.status).toBe(200);
    expect(JSON.parse(late.body)).toMatchObject({ outcome: 'stale' });
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('succeeded');
  });

  it('refuses a webhook about a payment the shop does not have', async () => {
    const other = await h.shop('st-other');
    const theirs = await h.createIntent(other, {
      method: 'stripe',
      amountMinor: '1000',
      currency: 'USD',
      paymentToken: 'pm_card_visa',
    });
    const event = lastEvent('payment_intent.succeeded', theirs.json.providerReference as string);
    // Signed with our own secret: genuine for this listener, but not our payment.
    const res = await deliver(event);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'PAYMENT_INTENT_UNKNOWN' } });
    // Signed by the other shop: this listener's secret does not verify it.
    const cross = await h.sandboxes.stripe.deliver(
      h.webhookUrl('stripe', shop.tenantId),
      h.sandboxes.stripe.signedDelivery(event, { secretKey: other.credentials.stripe.secretKey }),
    );
    expect(cross.status).toBe(400);
  });
});
