import { newId } from '@haat/common';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntentJson, PaymentHarness, randomPhone, type Shop } from './support/payment.harness.js';

let h: PaymentHarness;
let shop: Shop;
let other: Shop;

beforeAll(async () => {
  h = await new PaymentHarness().start();
  shop = await h.shop('api');
  other = await h.shop('api-b');
});
afterAll(async () => {
  await h?.close();
});

const bkash = (orderId = newId()) => ({
  orderId,
  method: 'bkash',
  amountMinor: '15000',
  currency: 'BDT',
  customer: { phone: randomPhone() },
});

describe('creating payment intents', () => {
  it('answers a retried request with the first response and creates one intent', async () => {
    const key = newId();
    const body = bkash();
    const first = await h.call<IntentJson>('POST', '/v1/payments/intents', shop.customer, {
      body,
      idempotencyKey: key,
    });
    const again = await h.call<IntentJson>('POST', '/v1/payments/intents', shop.customer, {
      body,
      idempotencyKey: key,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json.id).toBe(first.json.id);
    const other = await h.call('POST', '/v1/payments/intents', shop.customer, {
      body: { ...body, amountMinor: '1' },
      idempotencyKey: key,
    });
    expect(other.status).toBe(422);
    expect((await h.call('POST', '/v1/payments/intents', shop.customer, { body: bkash() })).status).toBe(400);
  });

  it('allows one live payment per order: racing requests create exactly one', async () => {
    const orderId = newId();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        h.call<IntentJson>('POST', '/v1/payments/intents', shop.customer, {
          body: bkash(orderId),
          idempotencyKey: newId(),
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(7);
    expect(refused[0]?.json).toMatchObject({ error: { code: 'PAYMENT_INTENT_EXISTS' } });
  });

  it('lets a customer try again with another method after a failed payment', async () => {
    const orderId = newId();
    const declined = await h.call<IntentJson>('POST', '/v1/payments/intents', shop.customer, {
      body: {
        orderId,
        method: 'stripe',
        amountMinor: '1500',
        currency: 'USD',
        paymentToken: 'pm_card_chargeDeclined',
      },
      idempotencyKey: newId(),
    });
    expect(declined.json.status).toBe('failed');
    const retry = await h.call<IntentJson>('POST', '/v1/payments/intents', shop.customer, {
      body: bkash(orderId),
      idempotencyKey: newId(),
    });
    expect(retry.status).toBe(201);
  });

  it('names the bad field of an invalid request, and refuses a method the shop has not set up', async () => {
    const bad = await h.call('POST', '/v1/payments/intents', shop.customer, {
      body: { ...bkash(), amountMinor: '12.50' },
      idempotencyKey: newId(),
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'amountMinor' }] } },
    });
    const openRedirect = await h.call('POST', '/v1/payments/intents', shop.customer, {
      body: { ...bkash(), returnPath: '//evil.example' },
      idempotencyKey: newId(),
    });
    expect(openRedirect.json).toMatchObject({ error: { details: { fields: [{ field: 'returnPath' }] } } });
    await h.call('DELETE', '/v1/payments/providers/paypal', other.staff);
    const unset = await h.call('POST', '/v1/payments/intents', other.customer, {
      body: { orderId: newId(), method: 'paypal', amountMinor: '100', currency: 'USD' },
      idempotencyKey: newId(),
    });
    expect(unset.status).toBe(422);
    expect(unset.json).toMatchObject({ error: { code: 'PAYMENT_METHOD_NOT_CONFIGURED' } });
  });

  it('cancels an unpaid payment with payment.failed.v1 (outcome canceled)', async () => {
    const created = await h.createIntent(shop, bkash());
    const canceled = await h.call<IntentJson>(
      'POST',
      `/v1/payments/intents/${created.json.id}/cancel`,
      shop.staff,
    );
    expect(canceled.json).toMatchObject({ status: 'canceled', nextAction: null });
    expect((await h.outbox(created.json.id)).map((e) => [e.type, e.payload.outcome])).toEqual([
      ['payment.failed.v1', 'canceled'],
    ]);
    expect((await h.call('POST', `/v1/payments/intents/${created.json.id}/cancel`, shop.staff)).status).toBe(
      409,
    );
  });
});

describe('reading payments', () => {
  it('keeps tenants apart and shows customers only their own payments', async () => {
    const mine = await h.call<IntentJson>('POST', '/v1/payments/intents', shop.customer, {
      body: bkash(),
      idempotencyKey: newId(),
    });
    expect((await h.call('GET', `/v1/payments/intents/${mine.json.id}`, other.staff)).status).toBe(404);
    expect((await h.call('GET', `/v1/payments/intents/${mine.json.id}`, shop.customer)).status).toBe(200);
    const stranger = { ...shop.customer, userId: `customer-${newId()}` };
    expect((await h.call('GET', `/v1/payments/intents/${mine.json.id}`, stranger)).status).toBe(404);
    const list = await h.call<{ items: IntentJson[] }>(
      'GET',
      '/v1/payments/intents?limit=100',
      shop.customer,
    );
    expect(list.json.items.length).toBeGreaterThan(0);
    expect(list.json.items.every((i) => i.id !== undefined)).toBe(true);
    const strangers = await h.call<{ items: IntentJson[] }>('GET', '/v1/payments/intents', stranger);
    expect(strangers.json.items).toEqual([]);
  });

  it('pages through payments with a cursor', async () => {
    const first = await h.call<{ items: IntentJson[]; nextCursor: string }>(
      'GET',
      '/v1/payments/intents?limit=2',
      shop.staff,
    );
    expect(first.json.items).toHaveLength(2);
    const second = await h.call<{ items: IntentJson[] }>(
      'GET',
      `/v1/payments/intents?limit=2&cursor=${first.json.nextCursor}`,
      shop.staff,
    );
    expect(second.json.items.map((i) => i.id)).not.toContain(first.json.items[0]?.id);
    expect((await h.call('GET', '/v1/payments/intents?cursor=garbage', shop.staff)).status).toBe(400);
  });
});

describe('provider credentials', () => {
  it('stores credentials encrypted and never shows them', async () => {
    const put = await h.call('PUT', '/v1/payments/providers/bkash', shop.staff, {
      body: { credentials: { ...shop.credentials.bkash } },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.json).toMatchObject({
      provider: 'bkash',
      mode: 'sandbox',
      enabled: true,
      configuredFields: ['appKey', 'appSecret', 'password', 'username'],
    });
    expect(put.text).not.toContain(shop.credentials.bkash.appSecret);
    const listed = await h.call('GET', '/v1/payments/providers', shop.staff);
    expect(listed.text).not.toContain(shop.credentials.bkash.password);
    const stored = await h.svc.runtime.database.withTenant(shop.tenantId, (tx) =>
      tx.execute<{ sealed_credentials: string }>(
        sql`select sealed_credentials from provider_accounts where provider = 'bkash'`,
      ),
    );
    expect(stored.rows[0]?.sealed_credentials).toMatch(/^v1\./);
    expect(stored.rows[0]?.sealed_credentials).not.toContain(shop.credentials.bkash.appSecret);
  });

  it('names a bad credential field, and keeps credentials to shop owners', async () => {
    const bad = await h.call('PUT', '/v1/payments/providers/stripe', shop.staff, {
      body: { credentials: { secretKey: 'pk_live_nope', webhookSecret: 'whsec_abcdefghij' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      error: {
        code: 'PAYMENT_CREDENTIALS_INVALID',
        details: { fields: [{ field: 'credentials.secretKey' }] },
      },
    });
    const byCustomer = await h.call('PUT', '/v1/payments/providers/bkash', shop.customer, {
      body: { credentials: shop.credentials.bkash },
    });
    expect(byCustomer.status).toBe(403);
  });

  it('never uses one shop’s credentials for another shop’s payment', async () => {
    h.sandboxes.stripe.http.reset();
    h.sandboxes.paypal.http.reset();
    await h.createIntent(other, {
      method: 'stripe',
      amountMinor: '1000',
      currency: 'USD',
      paymentToken: 'pm_card_visa',
    });
    await h.createIntent(shop, {
      method: 'stripe',
      amountMinor: '1000',
      currency: 'USD',
      paymentToken: 'pm_card_visa',
    });
    const keys = h.sandboxes.stripe.http.calls.map((c) => c.credential);
    expect(keys.filter((k) => k === other.credentials.stripe.secretKey)).toHaveLength(2);
    expect(keys.filter((k) => k === shop.credentials.stripe.secretKey)).toHaveLength(2);
    expect(h.sandboxes.stripe.http.calls[0]?.headers.authorization).toBe(
      `Bearer ${other.credentials.stripe.secretKey}`,
    );
  });
});

describe('the service document', () => {
  it('publishes its routes in its OpenAPI document', async () => {
    const doc = (await (await fetch(`${h.svc.url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/payments/intents',
        '/v1/payments/intents/{id}/refunds',
        '/v1/payments/webhooks/{provider}/{tenantId}',
      ]),
    );
  });
});

describe('webhook requests that are not what they should be', () => {
  it('answers 4xx, never 500', async () => {
    const post = (url: string, body: string, type = 'application/json') =>
      h.sandboxes.stripe.deliver(url, { headers: { 'content-type': type }, body });
    expect((await post(h.webhookUrl('stripe', 'not-a-tenant'), '{}')).status).toBe(400);
    expect((await post(h.webhookUrl('stripe', newId()), '{}')).status).toBe(404);
    expect((await post(h.webhookUrl('cod', shop.tenantId), '{}')).status).toBe(404);
    expect((await post(h.webhookUrl('nope', shop.tenantId), '{}')).status).toBe(400);
    expect((await post(h.webhookUrl('stripe', shop.tenantId), '{"id":')).status).toBe(400);
    expect((await post(h.webhookUrl('bkash', shop.tenantId), 'not json', 'text/plain')).status).toBe(400);
    expect(
      (await post(h.webhookUrl('sslcommerz', shop.tenantId), 'a=b', 'application/x-www-form-urlencoded'))
        .status,
    ).toBe(400);
    expect((await post(h.webhookUrl('paypal', shop.tenantId), '{"id":"WH-1"}')).status).toBe(400);
  });
});
