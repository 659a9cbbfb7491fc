import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@haat/common';
import { handlerDelay } from './fixtures/orders.controller.js';
import { IdempotentTestApp, type Received } from './fixtures/idempotent-test-app.js';

describe('Idempotency-Key under concurrency', () => {
  let t: IdempotentTestApp;

  beforeAll(async () => {
    t = await new IdempotentTestApp().start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('runs the handler once for 50 concurrent requests with one key; every answer is the first response or 409', async () => {
    handlerDelay.ms = 300;
    const key = newId();
    const send = () => t.post('/orders', { key, body: { item: 'the last phone in stock' } });

    const racing = await Promise.all(Array.from({ length: 50 }, send));

    const firsts = racing.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null);
    const replays = racing.filter((r) => r.headers.get('idempotent-replayed') === 'true');
    const inProgress = racing.filter((r) => r.status === 409);
    expect(firsts).toHaveLength(1);
    expect(replays.length + inProgress.length).toBe(49);
    for (const r of inProgress) {
      expect(r.json.error?.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
      expect(r.headers.get('retry-after')).toBe('1');
    }
    const first = firsts[0] as Received;
    const retried = await Promise.all(inProgress.map(send));
    for (const r of [...replays, ...retried]) {
      expect(r.status).toBe(201);
      expect(r.text).toBe(first.text);
      expect(r.headers.get('location')).toBe(first.headers.get('location'));
    }
    expect(await t.effects(t.tenantA, 'create')).toBe(1);
  });

  it('runs the handler once per tenant when two tenants race with the same key', async () => {
    handlerDelay.ms = 100;
    const key = newId();
    const as = [t.alice, { tenantId: t.tenantB, userId: 'alice' }];
    const racing = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.post('/orders', { key, body: { item: 'tea' }, as: as[i % 2] })),
    );

    expect(racing.filter((r) => r.status === 201 && !r.headers.get('idempotent-replayed'))).toHaveLength(2);
    expect(racing.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await t.effects(t.tenantB, 'create')).toBe(1);
  });
});
