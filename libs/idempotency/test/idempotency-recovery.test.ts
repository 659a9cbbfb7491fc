import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '@haat/common';
import { fingerprintRequest, IdempotencyService, idempotencyKeys } from '../src/index.js';
import { handlerDelay } from './fixtures/orders.controller.js';
import { IdempotentTestApp } from './fixtures/idempotent-test-app.js';

const DAY = 24 * 60 * 60 * 1000;

describe('Idempotency keys over time', () => {
  let t: IdempotentTestApp;
  let service: IdempotencyService;

  beforeAll(async () => {
    t = await new IdempotentTestApp().start();
    service = t.app.get(IdempotencyService);
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => {
    handlerDelay.ms = 0;
    t.clock.set(new Date());
  });

  const keysOf = (tenantId: string) =>
    t.database.withTenant(tenantId, (tx) => tx.select({ key: idempotencyKeys.key }).from(idempotencyKeys));

  it('lets a retry take over a key whose first request died, once it is stale', async () => {
    const key = newId();
    const body = JSON.stringify({ item: 'tea' });
    const ctx = { tenantId: t.tenantA, userId: 'alice', roles: [], permissions: [], requestId: 'dead' };
    // A process claims the key and dies before completing it.
    const dead = await service.begin(ctx, key, fingerprintRequest('POST', '/orders', body));
    expect(dead.kind).toBe('started');

    const blocked = await t.post('/orders', { key, body: { item: 'tea' } });
    t.clock.advance(61_000);
    const takeover = await t.post('/orders', { key, body: { item: 'tea' } });
    const replay = await t.post('/orders', { key, body: { item: 'tea' } });

    expect(blocked.status).toBe(409);
    expect(takeover.status).toBe(201);
    expect(takeover.headers.get('idempotent-replayed')).toBeNull();
    expect(replay.text).toBe(takeover.text);
    expect(await t.effects(t.tenantA, 'create')).toBe(1);
    // The dead attempt, were it to wake up, can no longer overwrite the stored response.
    if (dead.kind === 'started') {
      expect(await service.complete(dead.attempt, { status: 201, headers: {}, body: { late: true } })).toBe(
        false,
      );
    }
    expect((await t.post('/orders', { key, body: { item: 'tea' } })).text).toBe(takeover.text);
  });

  it('keeps a key for at least 24 hours, then lets it be used for a new request', async () => {
    const key = newId();
    const first = await t.post('/orders', { key, body: { item: 'tea' } });
    t.clock.advance(DAY - 1_000);
    const stillKept = await t.post('/orders', { key, body: { item: 'coffee' } });
    t.clock.advance(2_000);
    const reused = await t.post('/orders', { key, body: { item: 'coffee' } });

    expect(first.status).toBe(201);
    expect(stillKept.status).toBe(422);
    expect(reused.status).toBe(201);
    expect(reused.json.item).toBe('coffee');
  });

  it('purges expired keys of every tenant and keeps live ones', async () => {
    const oldA = newId();
    const oldB = newId();
    const live = newId();
    t.clock.set(new Date(Date.now() - 2 * DAY));
    await t.post('/orders', { key: oldA });
    await t.post('/orders', { key: oldB, as: { tenantId: t.tenantB, userId: 'bob' } });
    t.clock.set(new Date());
    await t.post('/orders', { key: live });
    expect((await keysOf(t.tenantA)).map((r) => r.key)).not.toContain(oldB);

    expect(await service.purgeExpired()).toBeGreaterThanOrEqual(2);

    const keysA = (await keysOf(t.tenantA)).map((r) => r.key);
    const keysB = (await keysOf(t.tenantB)).map((r) => r.key);
    expect(keysA).toContain(live);
    expect(keysA).not.toContain(oldA);
    expect(keysB).not.toContain(oldB);
  });

  it('hides the keys of other tenants from a tenant transaction', async () => {
    const key = newId();
    await t.post('/orders', { key, as: { tenantId: t.tenantB, userId: 'bob' } });
    expect((await keysOf(t.tenantA)).map((r) => r.key)).not.toContain(key);
    expect((await keysOf(t.tenantB)).map((r) => r.key)).toContain(key);
  });
});
