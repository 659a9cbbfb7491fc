import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntentJson, PaymentHarness, randomPhone, type Shop } from './support/payment.harness.js';

let h: PaymentHarness;
let shop: Shop;

beforeAll(async () => {
  h = await new PaymentHarness().start();
  shop = await h.shop('fr');
});
afterAll(async () => {
  await h?.close();
});

// ৳250,000 is above the default high-amount threshold; a landline-looking phone adds a signal.
const risky = () => ({
  amountMinor: '25000000',
  currency: 'BDT',
  customer: { phone: `02${randomPhone().slice(4)}` },
});

async function review(id: string, decision: 'approve' | 'reject') {
  return h.call<IntentJson>('POST', `/v1/payments/intents/${id}/review`, shop.staff, {
    body: { decision, note: 'checked by phone' },
  });
}

describe('fraud checks before capture', () => {
  it('holds a high-risk card payment for review: authorized, not captured, shown to staff with its reasons', async () => {
    const withToken = await h.createIntent(shop, {
      ...risky(),
      method: 'stripe',
      currency: 'USD',
      amountMinor: '300000',
      paymentToken: 'pm_card_visa',
      billingCountry: 'US',
      shippingAddress: { line1: 'House 1, Road 2', city: 'Dhaka', country: 'BD' },
    });
    const held = withToken.json;
    expect(held).toMatchObject({ status: 'processing', review: 'pending', capturedMinor: '0' });
    expect(h.sandboxes.stripe.intent(held.providerReference as string)).toMatchObject({
      status: 'requires_capture',
      capture_method: 'manual',
    });
    expect(await h.outbox(held.id)).toEqual([]);
    const risk = await h.call<{ decision: string; reasons: { code: string }[] }>(
      'GET',
      `/v1/payments/intents/${held.id}/risk`,
      shop.staff,
    );
    expect(risk.json.decision).toBe('review');
    expect(risk.json.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['AMOUNT_VERY_HIGH', 'COUNTRY_MISMATCH']),
    );
    const listed = await h.call<{ items: { intentId: string }[] }>(
      'GET',
      '/v1/payments/risk-assessments?decision=review',
      shop.staff,
    );
    expect(listed.json.items.map((a) => a.intentId)).toContain(held.id);

    const approved = await review(held.id, 'approve');
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json).toMatchObject({ status: 'succeeded', review: 'approved', capturedMinor: '300000' });
    expect(h.sandboxes.stripe.intent(held.providerReference as string)?.status).toBe('succeeded');
    expect((await h.outbox(held.id)).map((e) => e.type)).toEqual(['payment.succeeded.v1']);
    expect((await review(held.id, 'approve')).json).toMatchObject({
      error: { code: 'PAYMENT_REVIEW_NOT_PENDING' },
    });
  });

  it('voids a held bKash authorization when staff reject it', async () => {
    const created = await h.createIntent(shop, { ...risky(), method: 'bkash' });
    const intent = created.json;
    expect(intent).toMatchObject({ status: 'requires_action', review: 'pending' });
    expect(h.sandboxes.bkash.payment(intent.providerReference as string)?.intent).toBe('authorization');
    const wallet = (intent.nextAction as { url: string }).url;
    const decided = await h.browse(wallet, { form: { outcome: 'success' } });
    await h.browse(decided.location as string);
    expect((await h.getIntent(shop, intent.id)).json).toMatchObject({
      status: 'processing',
      review: 'pending',
      capturedMinor: '0',
    });
    expect(h.sandboxes.bkash.payment(intent.providerReference as string)?.status).toBe('Authorized');
    const rejected = await review(intent.id, 'reject');
    expect(rejected.json).toMatchObject({
      status: 'canceled',
      review: 'rejected',
      failure: { code: 'RISK_REJECTED' },
    });
    expect(h.sandboxes.bkash.payment(intent.providerReference as string)?.status).toBe('Cancelled');
    const events = await h.outbox(intent.id);
    expect(events.map((e) => [e.type, e.payload.outcome, e.payload.reason])).toEqual([
      ['payment.failed.v1', 'canceled', 'RISK_REJECTED'],
    ]);
  });

  it('captures a held bKash authorization approved before the customer paid, as soon as it arrives', async () => {
    const intent = (await h.createIntent(shop, { ...risky(), method: 'bkash' })).json;
    expect((await review(intent.id, 'approve')).json).toMatchObject({
      status: 'requires_action',
      review: 'approved',
    });
    const decided = await h.browse((intent.nextAction as { url: string }).url, {
      form: { outcome: 'success' },
    });
    const back = await h.browse(decided.location as string);
    expect(back.location).toContain('status=succeeded');
    expect(h.sandboxes.bkash.payment(intent.providerReference as string)?.status).toBe('Completed');
  });

  it('holds an SSLCommerz payment before the customer pays, and lets them pay once approved', async () => {
    const intent = (await h.createIntent(shop, { ...risky(), method: 'sslcommerz' })).json;
    expect(intent).toMatchObject({
      status: 'processing',
      review: 'pending',
      nextAction: null,
      providerReference: null,
    });
    const approved = await review(intent.id, 'approve');
    expect(approved.json).toMatchObject({ status: 'requires_action', nextAction: { type: 'redirect' } });
    await h.sandboxes.sslcommerz.pay(approved.json.providerReference as string);
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('succeeded');
  });

  it('holds a payment SSLCommerz flags as risky even after the money is taken, until staff release it', async () => {
    const intent = (
      await h.createIntent(shop, {
        method: 'sslcommerz',
        amountMinor: '50000',
        currency: 'BDT',
        customer: { phone: randomPhone() },
      })
    ).json;
    await h.sandboxes.sslcommerz.pay(intent.providerReference as string, { riskLevel: '1' });
    expect((await h.getIntent(shop, intent.id)).json).toMatchObject({
      status: 'processing',
      review: 'pending',
      capturedMinor: '50000',
    });
    expect(await h.outbox(intent.id)).toEqual([]);
    expect((await review(intent.id, 'approve')).json).toMatchObject({ status: 'succeeded' });
  });

  it('denies a blocklisted phone without calling the provider', async () => {
    const phone = randomPhone();
    const blocked = await h.call('POST', '/v1/payments/fraud/blocklist', shop.staff, {
      body: { kind: 'phone', value: `+88${phone}`, reason: 'Chargebacks' },
    });
    expect(blocked.status, blocked.text).toBe(201);
    expect(
      (
        await h.call('POST', '/v1/payments/fraud/blocklist', shop.staff, {
          body: { kind: 'phone', value: phone, reason: 'again' },
        })
      ).status,
    ).toBe(409);
    h.sandboxes.bkash.http.reset();
    const created = await h.createIntent(shop, {
      method: 'bkash',
      amountMinor: '1000',
      currency: 'BDT',
      customer: { phone },
    });
    expect(created.json).toMatchObject({
      status: 'failed',
      risk: { decision: 'deny', score: 100 },
      failure: { code: 'RISK_DENIED' },
    });
    expect(h.sandboxes.bkash.http.calls).toEqual([]);
    expect((await h.outbox(created.json.id)).map((e) => [e.type, e.payload.reason])).toEqual([
      ['payment.failed.v1', 'RISK_DENIED'],
    ]);
  });

  it('raises the score of a device paying again and again', async () => {
    const deviceId = `device-${newId()}`;
    const scores: number[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await h.createIntent(shop, {
        method: 'cod',
        amountMinor: '1000',
        currency: 'BDT',
        deviceId,
        customer: { phone: randomPhone() },
        shippingAddress: { line1: 'House 12, Road 5', city: 'Dhaka', country: 'BD' },
      });
      scores.push(created.json.risk.score);
    }
    expect(scores.slice(0, 3)).toEqual([0, 0, 0]);
    const risk = await h.call<{ reasons: { code: string }[] }>(
      'GET',
      `/v1/payments/risk-assessments?limit=1`,
      shop.staff,
    );
    expect(scores[3]).toBe(25);
    expect(risk.json).toMatchObject({ items: [{ reasons: [{ code: 'VELOCITY_DEVICE' }] }] });
  });

  it('keeps review decisions to staff and validates fraud settings', async () => {
    const intent = (await h.createIntent(shop, { ...risky(), method: 'cod' })).json;
    const byCustomer = await h.call('POST', `/v1/payments/intents/${intent.id}/review`, shop.customer, {
      body: { decision: 'approve' },
    });
    expect(byCustomer.status).toBe(403);
    const bad = await h.call('PUT', '/v1/payments/fraud/settings', shop.staff, {
      body: { reviewScore: 90, denyScore: 80 },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { details: { fields: [{ field: 'reviewScore' }] } } });
    const strict = await h.call('PUT', '/v1/payments/fraud/settings', shop.staff, {
      body: { reviewScore: 10, denyScore: 20 },
    });
    expect(strict.status).toBe(200);
    const next = await h.createIntent(shop, {
      method: 'bkash',
      amountMinor: '1000',
      currency: 'BDT',
      customer: { phone: '12345' },
    });
    expect(next.json.risk).toEqual({ score: 15, decision: 'review' });
    await h.call('PUT', '/v1/payments/fraud/settings', shop.staff, { body: {} });
  });
});
