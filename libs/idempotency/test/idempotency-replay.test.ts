import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '@haat/common';
import { handlerDelay, crashes } from './fixtures/orders.controller.js';
import { IdempotentTestApp } from './fixtures/idempotent-test-app.js';

describe('Idempotency-Key on a route marked @Idempotent()', () => {
  let t: IdempotentTestApp;

  beforeAll(async () => {
    t = await new IdempotentTestApp().start();
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => {
    handlerDelay.ms = 0;
    crashes.remaining = 0;
    t.clock.set(new Date());
  });

  it('replays the first status, body and headers with Idempotent-Replayed, without running the handler again', async () => {
    const key = newId();
    const first = await t.post('/orders', { key, body: { item: 'tea' } });
    const replay = await t.post('/orders', { key, body: { item: 'tea' } });

    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('location')).toBe(first.headers.get('location'));
    expect(replay.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await t.effects(t.tenantA, 'create')).toBe(1);
  });

  it('refuses the same key with another body or path with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const key = newId();
    await t.post('/orders', { key, body: { item: 'tea' } });
    const otherBody = await t.post('/orders', { key, body: { item: 'coffee' } });
    const otherPath = await t.post('/orders/optional', { key, body: { item: 'tea' } });

    expect(otherBody.status).toBe(422);
    expect(otherBody.json.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(otherPath.status).toBe(422);
    expect(otherPath.json.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await t.effects(t.tenantA, 'optional')).toBe(0);
  });

  it('refuses a required route without the header with 400 IDEMPOTENCY_KEY_REQUIRED, running nothing', async () => {
    const before = await t.effects(t.tenantA, 'create');
    const res = await t.post('/orders', { body: { item: 'tea' } });

    expect(res.status).toBe(400);
    expect(res.json.error?.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(await t.effects(t.tenantA, 'create')).toBe(before);
  });

  it('refuses a malformed key with 400 IDEMPOTENCY_KEY_INVALID', async () => {
    for (const key of ['has space', 'x'.repeat(256), 'café']) {
      const res = await t.post('/orders', { key, body: { item: 'tea' } });
      expect(res.status).toBe(400);
      expect(res.json.error?.code).toBe('IDEMPOTENCY_KEY_INVALID');
    }
  });

  it('treats a quoted key (structured-field string) as the same key', async () => {
    const key = newId();
    const first = await t.post('/orders', { key, body: { item: 'tea' } });
    const quoted = await t.post('/orders', { key: `"${key}"`, body: { item: 'tea' } });
    expect(quoted.text).toBe(first.text);
    expect(quoted.headers.get('idempotent-replayed')).toBe('true');
  });

  it('lets a request without a key through an optional route, running it each time', async () => {
    const a = await t.post('/orders/optional', { body: { item: 'tea' } });
    const b = await t.post('/orders/optional', { body: { item: 'tea' } });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json.id).not.toBe(b.json.id);
  });

  it('replays a 4xx error the handler threw, with its first body', async () => {
    const key = newId();
    const first = await t.post('/orders/out-of-stock', { key, body: { item: 'rice' } });
    const replay = await t.post('/orders/out-of-stock', { key, body: { item: 'rice' } });

    expect(first.status).toBe(409);
    expect(first.json.error?.code).toBe('TEST_OUT_OF_STOCK');
    expect(replay.status).toBe(409);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await t.effects(t.tenantA, 'out-of-stock')).toBe(1);
  });

  it('does not store a 429: the retry runs the handler again', async () => {
    const key = newId();
    const first = await t.post('/orders/rate-limited', { key });
    const retry = await t.post('/orders/rate-limited', { key });
    expect([first.status, retry.status]).toEqual([429, 429]);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await t.effects(t.tenantA, 'rate-limited')).toBe(2);
  });

  it('does not store a 500: the retry runs the handler and gets its real answer', async () => {
    crashes.remaining = 1;
    const key = newId();
    const first = await t.post('/orders/crash', { key, body: { item: 'salt' } });
    const retry = await t.post('/orders/crash', { key, body: { item: 'salt' } });
    const replay = await t.post('/orders/crash', { key, body: { item: 'salt' } });

    expect(first.status).toBe(500);
    expect(first.json.error?.code).toBe('INTERNAL');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(replay.text).toBe(retry.text);
    expect(await t.effects(t.tenantA, 'crash')).toBe(1);
  });

  it('answers 409 IDEMPOTENCY_REQUEST_IN_PROGRESS with Retry-After while the first request runs', async () => {
    handlerDelay.ms = 500;
    const key = newId();
    const first = t.post('/orders', { key, body: { item: 'tea' } });
    await new Promise((r) => setTimeout(r, 150));
    const during = await t.post('/orders', { key, body: { item: 'tea' } });
    const done = await first;
    const after = await t.post('/orders', { key, body: { item: 'tea' } });

    expect(during.status).toBe(409);
    expect(during.json.error?.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
    expect(during.headers.get('retry-after')).toBe('1');
    expect(done.status).toBe(201);
    expect(after.text).toBe(done.text);
  });

  it('keeps keys apart per tenant and per user', async () => {
    const key = newId();
    const bob = { tenantId: t.tenantA, userId: 'bob' };
    const carol = { tenantId: t.tenantB, userId: 'alice' };
    const a = await t.post('/orders', { key, body: { item: 'tea' } });
    const b = await t.post('/orders', { key, body: { item: 'coffee' }, as: bob });
    const c = await t.post('/orders', { key, body: { item: 'milk' }, as: carol });

    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect([a.json.item, b.json.item, c.json.item]).toEqual(['tea', 'coffee', 'milk']);
    expect(c.headers.get('idempotent-replayed')).toBeNull();
    expect(await t.effects(t.tenantB, 'create')).toBe(1);
  });
});
