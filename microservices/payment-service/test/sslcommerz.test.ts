import { newId } from '@haat/common';
import { sql } from 'drizzle-orm';
import { RefundStatusJob } from '../src/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntentJson, PaymentHarness, randomPhone, type Shop } from './support/payment.harness.js';

let h: PaymentHarness;
let shop: Shop;

beforeAll(async () => {
  h = await new PaymentHarness().start();
  shop = await h.shop('ssl');
});
afterAll(async () => {
  await h?.close();
});

async function createSsl(amountMinor = '125050'): Promise<IntentJson> {
  const created = await h.createIntent(shop, {
    method: 'sslcommerz',
    amountMinor,
    currency: 'BDT',
    customer: { name: 'Rahim', email: 'rahim@example.com', phone: randomPhone() },
  });
  expect(created.status, created.text).toBe(201);
  return created.json;
}

const ipnUrl = () => h.webhookUrl('sslcommerz', shop.tenantId);

describe('SSLCommerz', () => {
  it('starts a session and sends the customer to the gateway page', async () => {
    const intent = await createSsl();
    expect(intent.status).toBe('requires_action');
    expect(intent.nextAction).toEqual({
      type: 'redirect',
      url: `${h.sandboxes.sslcommerz.url}/sandbox/gateway/${intent.providerReference}`,
    });
    const page = await h.browse((intent.nextAction as { url: string }).url);
    expect(page.text).toContain('1250.50 BDT');
  });

  it('settles from the IPN after the validation API confirms it, and the browser return agrees', async () => {
    const intent = await createSsl();
    const paid = await h.sandboxes.sslcommerz.pay(intent.providerReference as string);
    expect(paid.ipn?.status, paid.ipn?.body).toBe(200);
    expect((await h.getIntent(shop, intent.id)).json).toMatchObject({
      status: 'succeeded',
      capturedMinor: '125050',
      providerTransactionId: paid.fields.bank_tran_id,
    });
    const back = await h.browse(paid.returnUrl, { form: paid.fields });
    expect(back.status, back.text).toBe(303);
    expect(back.location).toContain('status=succeeded');
    expect((await h.outbox(intent.id)).map((e) => e.type)).toEqual(['payment.succeeded.v1']);
  });

  it('answers a replayed IPN with 200 and no second effect', async () => {
    const intent = await createSsl();
    const paid = await h.sandboxes.sslcommerz.pay(intent.providerReference as string);
    const replay = await h.sandboxes.sslcommerz.deliverIpn(ipnUrl(), paid.fields);
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toMatchObject({ duplicate: true });
    expect((await h.outbox(intent.id)).map((e) => e.type)).toEqual(['payment.succeeded.v1']);
  });

  it('fails a declined card', async () => {
    const intent = await createSsl();
    await h.sandboxes.sslcommerz.pay(intent.providerReference as string, { outcome: 'FAILED' });
    expect((await h.getIntent(shop, intent.id)).json).toMatchObject({
      status: 'failed',
      failure: { code: 'SSLCOMMERZ_FAILED' },
    });
  });

  it('rejects an IPN whose amount was changed after signing (400), and records nothing', async () => {
    const intent = await createSsl();
    const paid = await h.sandboxes.sslcommerz.pay(intent.providerReference as string, { deliverIpn: false });
    const res = await h.sandboxes.sslcommerz.deliverIpn(ipnUrl(), {
      ...paid.fields,
      amount: '12.50',
      currency_amount: '12.50',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'PAYMENT_WEBHOOK_SIGNATURE_INVALID' } });
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('requires_action');
  });

  it('rejects a validated payment whose amount differs from the order, and logs it on the timeline', async () => {
    const intent = await createSsl();
    const paid = await h.sandboxes.sslcommerz.pay(intent.providerReference as string, {
      paidAmount: '10.00',
    });
    expect(paid.ipn?.status).toBe(400);
    expect(JSON.parse(paid.ipn?.body ?? '{}')).toMatchObject({
      error: {
        code: 'PAYMENT_AMOUNT_MISMATCH',
        details: { expectedAmountMinor: '125050', reportedAmountMinor: '1000' },
      },
    });
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('requires_action');
    const timeline = await h.call<{ items: { kind: string; source: string }[] }>(
      'GET',
      `/v1/payments/intents/${intent.id}/events`,
      shop.staff,
    );
    expect(timeline.json.items.map((e) => [e.kind, e.source])).toContainEqual(['amount_mismatch', 'webhook']);
    // A redelivery is refused again: the refusal claimed no event id.
    expect((await h.sandboxes.sslcommerz.deliverIpn(ipnUrl(), paid.fields)).status).toBe(400);
  });

  it('answers 503 when the validation API times out, and settles on the provider’s redelivery', async () => {
    const intent = await createSsl();
    h.sandboxes.sslcommerz.http.inject(
      { method: 'GET', path: '/validator/api/validationserverAPI.php' },
      { kind: 'delayBefore', ms: 1_500 },
    );
    const paid = await h.sandboxes.sslcommerz.pay(intent.providerReference as string);
    expect(paid.ipn?.status).toBe(503);
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('requires_action');
    expect((await h.sandboxes.sslcommerz.deliverIpn(ipnUrl(), paid.fields)).status).toBe(200);
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('succeeded');
  });

  it('refunds part at once, then follows a processing refund until SSLCommerz says refunded', async () => {
    const intent = await createSsl('200000');
    await h.sandboxes.sslcommerz.pay(intent.providerReference as string);
    const path = `/v1/payments/intents/${intent.id}/refunds`;
    const first = await h.call('POST', path, shop.staff, {
      body: { amountMinor: '50000', reason: 'Damaged item' },
      idempotencyKey: newId(),
    });
    expect(first.json).toMatchObject({ status: 'succeeded', providerRefundId: expect.stringMatching(/^RF/) });
    h.sandboxes.sslcommerz.refundSettleMs = 60_000;
    const second = await h.call<{ id: string; status: string }>('POST', path, shop.staff, {
      body: {},
      idempotencyKey: newId(),
    });
    expect(second.json.status).toBe('pending');
    const job = h.svc.app.get(RefundStatusJob);
    await h.svc.runtime.database.db.execute(
      sql`update refund_checks set next_check_at = now() where refund_id = ${second.json.id}`,
    );
    await job.runOnce();
    expect((await h.call('GET', `/v1/payments/refunds/${second.json.id}`, shop.staff)).json).toMatchObject({
      status: 'pending',
    });
    h.sandboxes.sslcommerz.refundSettleMs = 0;
    await h.svc.runtime.database.db.execute(
      sql`update refund_checks set next_check_at = now() where refund_id = ${second.json.id}`,
    );
    expect(await job.runOnce()).toBe(1);
    expect((await h.call('GET', `/v1/payments/refunds/${second.json.id}`, shop.staff)).json).toMatchObject({
      status: 'succeeded',
      amountMinor: '150000',
    });
    expect((await h.getIntent(shop, intent.id)).json).toMatchObject({
      status: 'refunded',
      refundedMinor: '200000',
    });
    const refunded = (await h.outbox(intent.id)).filter((e) => e.type === 'payment.refunded.v1');
    expect(refunded.map((e) => e.payload.fullyRefunded)).toEqual([false, true]);
  });
});
