import { randomUUID } from 'node:crypto';
import type { ResolvedTenant } from '@haat/contracts';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from './support/fake-upstream.server.js';
import {
  OPERATOR_TOKEN,
  SECRET,
  type StartedGateway,
  call,
  errorOf,
  startGateway,
} from './support/gateway.harness.js';
import { tenantFixture } from './support/tenants.fixture.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const busy = tenantFixture('busy', {
  plan: {
    code: 'tiny',
    limits: { products: 1, vendors: 1, staff: 1, ordersPerMonth: 1 },
    rateLimits: { tenantRequestsPerMinute: 3 },
  },
});
const demo = tenantFixture('demo');
let upstream: FakeUpstream;
let catalog: FakeUpstream;

/** A client address of its own per test, passed by the (trusted, loopback) edge. */
const clientIp = (n: number) => ({ 'x-forwarded-for': `198.51.100.${n}` });

beforeAll(async () => {
  upstream = await FakeUpstream.start({
    name: 'tenant-service',
    secret: SECRET,
    tenants: new Map<string, ResolvedTenant>([
      ['busy.localhost', busy],
      ['demo.localhost', demo],
    ]),
  });
  catalog = await FakeUpstream.start({ name: 'catalog-service', secret: SECRET });
});
afterAll(async () => {
  await upstream?.stop();
  await catalog?.stop();
});

describe('in-process limits (embedded mode)', () => {
  let gw: StartedGateway;
  beforeAll(async () => {
    gw = await startGateway({
      TENANT_SERVICE_URL: upstream.url,
      CATALOG_SERVICE_URL: catalog.url,
      RATE_LIMIT_IP_PER_MINUTE: '3',
      RATE_LIMIT_USER_PER_MINUTE: '2',
    });
  });
  afterAll(() => gw?.close());

  it('answers 429 RATE_LIMITED with Retry-After and the RateLimit headers once an IP is over its limit', async () => {
    const ok = [];
    for (let i = 0; i < 3; i += 1)
      ok.push(await call(gw.url, '/api/v1/tenant', { host: 'demo.localhost', headers: clientIp(1) }));
    expect(ok.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(ok[0]!.headers['ratelimit-policy']).toBe('"ip";q=3;w=60, "tenant";q=10000;w=60');
    expect(ok[2]!.headers.ratelimit).toMatch(/^"ip";r=0;t=\d+, "tenant";r=\d+;t=\d+$/);

    const limited = await call(gw.url, '/api/v1/tenant', { host: 'demo.localhost', headers: clientIp(1) });
    expect(limited.status).toBe(429);
    expect(errorOf(limited)).toMatchObject({ code: 'RATE_LIMITED', details: { policies: ['ip'] } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.headers.ratelimit).toMatch(/^"ip";r=0;t=\d+/);

    expect(
      (await call(gw.url, '/api/v1/tenant', { host: 'demo.localhost', headers: clientIp(2) })).status,
    ).toBe(200);
  });

  it('holds a whole tenant to its plan’s requests per minute, across clients', async () => {
    const statuses = [];
    for (let i = 10; i < 14; i += 1)
      statuses.push(
        (await call(gw.url, '/api/v1/tenant', { host: 'busy.localhost', headers: clientIp(i) })).status,
      );
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(gw.url, '/api/v1/tenant', { host: 'busy.localhost', headers: clientIp(20) });
    expect(errorOf(limited).details).toMatchObject({ policies: ['tenant'] });
    expect(
      (await call(gw.url, '/api/v1/tenant', { host: 'demo.localhost', headers: clientIp(20) })).status,
    ).toBe(200);
  });

  it('limits an authenticated user across addresses', async () => {
    const operator = (n: number) => ({ authorization: `Bearer ${OPERATOR_TOKEN}`, ...clientIp(n) });
    const statuses = [];
    for (let i = 30; i < 33; i += 1)
      statuses.push((await call(gw.url, '/api/v1/platform/plans', { headers: operator(i) })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('counts refused credentials against the IP limit, so guessing tokens ends in 429', async () => {
    const guess = { authorization: 'Bearer guessed-token-000000000000', ...clientIp(90) };
    const res = [];
    for (let i = 0; i < 4; i += 1)
      res.push(await call(gw.url, '/api/v1/tenant', { host: 'demo.localhost', headers: guess }));
    expect(res.map((r) => [r.status, errorOf(r).code])).toEqual([
      [401, 'AUTH_TOKEN_INVALID'],
      [401, 'AUTH_TOKEN_INVALID'],
      [401, 'AUTH_TOKEN_INVALID'],
      [429, 'RATE_LIMITED'],
    ]);
  });

  it('applies a route’s own per-client limit', async () => {
    const res = [];
    for (let i = 0; i < 3; i += 1)
      res.push(await call(gw.url, '/api/v1/test-catalog', { host: 'demo.localhost', headers: clientIp(70) }));
    expect(res.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(errorOf(res[2]!).details).toMatchObject({ policies: ['route'] });
    expect(res[0]!.headers['ratelimit-policy']).toContain('"route";q=2;w=60');
    expect(
      (await call(gw.url, '/api/v1/test-catalog', { host: 'demo.localhost', headers: clientIp(71) })).status,
    ).toBe(200);
  });
});

describe('Redis limits (distributed mode)', () => {
  const prefix = `haat:test:gateway:${randomUUID()}:`;
  const redis = new Redis(REDIS_URL);
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('shares one limit between two gateway instances', async () => {
    const env = {
      TENANT_SERVICE_URL: upstream.url,
      CATALOG_SERVICE_URL: catalog.url,
      REDIS_URL,
      RATE_LIMIT_KEY_PREFIX: prefix,
      RATE_LIMIT_IP_PER_MINUTE: '4',
    };
    const [a, b] = await Promise.all([startGateway(env), startGateway(env)]);
    try {
      const statuses = [];
      for (const gw of [a, b, a, b, a, b]) {
        statuses.push(
          (await call(gw.url, '/api/v1/tenant', { host: 'demo.localhost', headers: clientIp(50) })).status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      const keys = await redis.keys(`${prefix}*`);
      expect(keys.every((k) => k.startsWith(`${prefix}t:${demo.tenantId}:`))).toBe(true);
      expect(await redis.pttl(`${prefix}t:${demo.tenantId}:ip:198.51.100.50`)).toBeGreaterThan(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('lets requests through and logs the outage when Redis is down (fail open)', async () => {
    const gw = await startGateway({
      TENANT_SERVICE_URL: upstream.url,
      REDIS_URL: 'redis://127.0.0.1:1',
      RATE_LIMIT_IP_PER_MINUTE: '1',
    });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1)
        statuses.push(
          (await call(gw.url, '/api/v1/tenant', { host: 'demo.localhost', headers: clientIp(60) })).status,
        );
      expect(statuses).toEqual([200, 200, 200]);
      expect(gw.logs.some((l) => String(l.msg).includes('fail open'))).toBe(true);
      const health = await call(gw.url, '/health');
      expect(health.status).toBe(503);
      expect(health.json<{ checks: Record<string, { status: string }> }>().checks.redis?.status).toBe(
        'error',
      );
    } finally {
      await gw.close();
    }
  });
});
