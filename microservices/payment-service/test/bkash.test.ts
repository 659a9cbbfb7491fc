import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntentJson, PaymentHarness, randomPhone, type Shop } from './support/payment.harness.js';

let h: PaymentHarness;
let shop: Shop;

beforeAll(async () => {
  h = await new PaymentHarness().start();
  shop = await h.shop('bk');
});
afterAll(async () => {
  await h?.close();
});

async function createBkash(amountMinor = '150000', extra: Record<string, unknown> = {}): Promise<IntentJson> {
  const created = await h.createIntent(shop, {
    method: 'bkash',
    amountMinor,
    currency: 'BDT',
    customer: { phone: randomPhone() },
    ...extra,
  });
  expect(created.status, created.text).toBe(201);
  return created.json;
}

/** The customer confirms on the bKash page and the browser follows the callback; returns where the shop page is. */
async function payOnWallet(intent: IntentJson, outcome = 'success'): Promise<string> {
  const url = (intent.nextAction as { url: string }).url;
  expect((await h.browse(url)).status).toBe(200);
  const decided = await h.browse(url, { form: { outcome, wallet: '01770618575' } });
  expect(decided.status).toBe(302);
  const back = await h.browse(decided.location as string);
  expect(back.status, back.text).toBe(303);
  return back.location as string;
}

describe('bKash tokenized checkout', () => {
  it('creates the payment and sends the customer to the bKash page', async () => {
    const intent = await createBkash();
    expect(intent).toMatchObject({
      method: 'bkash',
      status: 'requires_action',
      amountMinor: '150000',
      currency: 'BDT',
    });
    expect(intent.nextAction).toEqual({
      type: 'redirect',
      url: expect.stringContaining(`${h.sandboxes.bkash.url}/sandbox/checkout/`),
    });
    const payment = h.sandboxes.bkash.payment(intent.providerReference as string);
    expect(payment).toMatchObject({
      intent: 'sale',
      currency: 'BDT',
      paisa: 150000,
      merchantInvoiceNumber: intent.reference,
    });
  });

  it('captures after the customer confirms: succeeded, with payment.succeeded.v1 in the outbox', async () => {
    const intent = await createBkash();
    const shopPage = await payOnWallet(intent);
    expect(shopPage).toContain(`paymentIntentId=${intent.id}`);
    expect(shopPage).toContain('status=succeeded');
    const after = (await h.getIntent(shop, intent.id)).json;
    const trx = h.sandboxes.bkash.payment(intent.providerReference as string)?.trxID;
    expect(after).toMatchObject({ status: 'succeeded', capturedMinor: '150000', providerTransactionId: trx });
    const events = await h.outbox(intent.id);
    expect(events.map((e) => e.type)).toEqual(['payment.succeeded.v1']);
    expect(events[0]?.payload).toMatchObject({
      intentId: intent.id,
      orderId: intent.orderId,
      amountMinor: '150000',
      currency: 'BDT',
      method: 'bkash',
      providerTransactionId: trx,
    });
  });

  it('fails the payment when the wallet has too little money (decline)', async () => {
    const intent = await createBkash();
    const shopPage = await payOnWallet(intent, 'insufficient');
    expect(shopPage).toContain('status=failed');
    const after = (await h.getIntent(shop, intent.id)).json;
    expect(after).toMatchObject({ status: 'failed', failure: { code: 'INSUFFICIENT_FUNDS' } });
    expect((await h.outbox(intent.id)).map((e) => e.type)).toEqual(['payment.failed.v1']);
  });

  it('cancels the payment when the customer cancels in bKash', async () => {
    const intent = await createBkash();
    expect(await payOnWallet(intent, 'cancel')).toContain('status=canceled');
    expect((await h.getIntent(shop, intent.id)).json).toMatchObject({
      status: 'canceled',
      failure: { code: 'CUSTOMER_CANCELED' },
    });
  });

  it('recovers an execute that timed out by querying bKash: the payment completed there, so it succeeds here', async () => {
    const intent = await createBkash();
    h.sandboxes.bkash.http.inject(
      { method: 'POST', path: '/v1.2.0-beta/tokenized/checkout/execute' },
      { kind: 'delayAfter', ms: 1_500 },
    );
    await payOnWallet(intent);
    expect(h.sandboxes.bkash.payment(intent.providerReference as string)?.status).toBe('Completed');
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('succeeded');
    expect((await h.outbox(intent.id)).map((e) => e.type)).toEqual(['payment.succeeded.v1']);
  });

  it('grants a new token when bKash says the old one expired', async () => {
    h.sandboxes.bkash.expireTokens();
    const intent = await createBkash();
    expect(intent.status).toBe('requires_action');
  });

  it('refunds part, then the rest, then refuses a third refund', async () => {
    const intent = await createBkash('100000');
    await payOnWallet(intent);
    const path = `/v1/payments/intents/${intent.id}/refunds`;
    const first = await h.call('POST', path, shop.staff, {
      body: { amountMinor: '40000', reason: 'One item returned' },
      idempotencyKey: newId(),
    });
    expect(first.status, first.text).toBe(201);
    expect(first.json).toMatchObject({
      status: 'succeeded',
      amountMinor: '40000',
      providerRefundId: expect.any(String),
    });
    expect((await h.getIntent(shop, intent.id)).json).toMatchObject({
      status: 'partially_refunded',
      refundedMinor: '40000',
    });
    const second = await h.call('POST', path, shop.staff, {
      body: { amountMinor: '60000' },
      idempotencyKey: newId(),
    });
    expect(second.json).toMatchObject({ status: 'succeeded', amountMinor: '60000' });
    const third = await h.call('POST', path, shop.staff, {
      body: { amountMinor: '1' },
      idempotencyKey: newId(),
    });
    expect(third.status).toBe(409);
    expect(third.json).toMatchObject({
      error: { code: 'PAYMENT_REFUND_EXCEEDS_REFUNDABLE', details: { refundableMinor: '0' } },
    });
    expect((await h.getIntent(shop, intent.id)).json).toMatchObject({
      status: 'refunded',
      refundedMinor: '100000',
    });
    expect(
      h.sandboxes.bkash.payment(intent.providerReference as string)?.refunds.map((r) => r.paisa),
    ).toEqual([40000, 60000]);
    const refunded = (await h.outbox(intent.id)).filter((e) => e.type === 'payment.refunded.v1');
    expect(
      refunded.map((e) => [e.payload.amountMinor, e.payload.refundedTotalMinor, e.payload.fullyRefunded]),
    ).toEqual([
      ['40000', '40000', false],
      ['60000', '100000', true],
    ]);
  });

  it('rejects a callback for a payment the shop does not have, and one naming another bKash payment', async () => {
    const unknown = await h.browse(
      `${h.svc.url}/v1/payments/callbacks/bkash/${shop.tenantId}/${newId()}?paymentID=TR0011X&status=success`,
    );
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ error: { code: 'PAYMENT_INTENT_UNKNOWN' } });
    const intent = await createBkash();
    const forged = await h.browse(
      `${h.svc.url}/v1/payments/callbacks/bkash/${shop.tenantId}/${intent.id}?paymentID=TR0011FORGED&status=success`,
    );
    expect(forged.status).toBe(404);
    expect(JSON.parse(forged.text)).toMatchObject({ error: { code: 'PAYMENT_CALLBACK_MISMATCH' } });
    expect((await h.getIntent(shop, intent.id)).json.status).toBe('requires_action');
    const otherTenant = await h.browse(
      `${h.svc.url}/v1/payments/callbacks/bkash/${newId()}/${intent.id}?paymentID=${intent.providerReference}&status=success`,
    );
    expect(otherTenant.status).toBe(404);
  });
});

describe('bKash IPN (Amazon SNS)', () => {
  it('confirms the SNS subscription once the message is verified', async () => {
    const before = h.sandboxes.bkash.subscriptionsConfirmed;
    const res = await h.sandboxes.bkash.deliver(
      h.webhookUrl('bkash', shop.tenantId),
      h.sandboxes.bkash.subscriptionConfirmation(shop.credentials.bkash.appKey),
    );
    expect(res.status).toBe(200);
    expect(h.sandboxes.bkash.subscriptionsConfirmed).toBe(before + 1);
  });

  it('accepts a verified notification once and answers a replay with 200 and no second effect', async () => {
    const intent = await createBkash();
    await payOnWallet(intent);
    const delivery = h.sandboxes.bkash.notification(intent.providerReference as string);
    const first = await h.sandboxes.bkash.deliver(h.webhookUrl('bkash', shop.tenantId), delivery);
    expect(first.status, first.body).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({ duplicate: false });
    const replay = await h.sandboxes.bkash.deliver(h.webhookUrl('bkash', shop.tenantId), delivery);
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toMatchObject({ duplicate: true });
    expect((await h.outbox(intent.id)).map((e) => e.type)).toEqual(['payment.succeeded.v1']);
  });

  it('refuses a notification whose message was altered after signing (400, nothing recorded)', async () => {
    const intent = await createBkash();
    await payOnWallet(intent);
    const delivery = h.sandboxes.bkash.notification(intent.providerReference as string);
    const message = JSON.parse(delivery.body) as { Message: string };
    const inner = JSON.parse(message.Message) as Record<string, string>;
    const forged = {
      ...delivery,
      body: JSON.stringify({ ...message, Message: JSON.stringify({ ...inner, amount: '1.00' }) }),
    };
    const res = await h.sandboxes.bkash.deliver(h.webhookUrl('bkash', shop.tenantId), forged);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'PAYMENT_WEBHOOK_SIGNATURE_INVALID' } });
    // The genuine one still goes through afterwards: the forged one claimed nothing.
    expect((await h.sandboxes.bkash.deliver(h.webhookUrl('bkash', shop.tenantId), delivery)).status).toBe(
      200,
    );
  });

  it('refuses a message signed by a certificate outside the trusted SNS hosts', async () => {
    const intent = await createBkash();
    await payOnWallet(intent);
    const delivery = h.sandboxes.bkash.notification(intent.providerReference as string);
    const message = JSON.parse(delivery.body) as Record<string, string>;
    const res = await h.sandboxes.bkash.deliver(h.webhookUrl('bkash', shop.tenantId), {
      ...delivery,
      body: JSON.stringify({ ...message, SigningCertURL: 'https://evil.example.com/cert.pem' }),
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('not trusted');
  });

  it('ignores a genuine notification of a payment made through another bKash channel', async () => {
    const intent = await createBkash();
    await payOnWallet(intent);
    const delivery = h.sandboxes.bkash.notification(intent.providerReference as string, {
      inner: { merchantInvoiceNumber: 'QR-PAYMENT-1', trxID: 'QRTRX00001' },
    });
    const res = await h.sandboxes.bkash.deliver(h.webhookUrl('bkash', shop.tenantId), delivery);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ outcome: 'ignored' });
  });
});

describe('bKash credentials per tenant', () => {
  it('uses tenant B’s merchant for tenant B’s payment, never tenant A’s', async () => {
    const other = await h.shop('other');
    h.sandboxes.bkash.http.reset();
    const created = await h.createIntent(other, { method: 'bkash', amountMinor: '5000', currency: 'BDT' });
    expect(created.status).toBe(201);
    const users = new Set(h.sandboxes.bkash.http.calls.map((c) => c.credential));
    expect(users).toEqual(new Set([other.credentials.bkash.username]));
    expect(users.has(shop.credentials.bkash.username)).toBe(false);
    // And a webhook for B's payment sent to A's listener finds nothing of A's.
    await payOnWallet(created.json);
    const res = await h.sandboxes.bkash.deliver(
      h.webhookUrl('bkash', shop.tenantId),
      h.sandboxes.bkash.notification(created.json.providerReference as string),
    );
    expect(JSON.parse(res.body)).toMatchObject({ outcome: 'ignored' });
  });
});
