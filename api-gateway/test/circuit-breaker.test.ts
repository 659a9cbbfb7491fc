import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from './support/fake-upstream.server.js';
import { SECRET, type StartedGateway, call, errorOf, startGateway } from './support/gateway.harness.js';

const HALF_OPEN_AFTER_MS = 1_500;
let tenantService: FakeUpstream;
let gw: StartedGateway;

beforeAll(async () => {
  tenantService = await FakeUpstream.start({ name: 'tenant-service', secret: SECRET });
  gw = await startGateway({
    TENANT_SERVICE_URL: tenantService.url,
    BREAKER_FAILURES: '2',
    BREAKER_HALF_OPEN_AFTER: `${HALF_OPEN_AFTER_MS}ms`,
    UPSTREAM_RETRIES: '0',
    UPSTREAM_TIMEOUT: '1s',
  });
});
afterAll(async () => {
  await gw?.close();
  await tenantService?.stop();
});

describe('a dead upstream', () => {
  it('opens the breaker (503 UPSTREAM_UNAVAILABLE with Retry-After), then closes it once the upstream is back', async () => {
    expect((await call(gw.url, '/api/v1/platform/plans')).status).toBe(200);
    await tenantService.stop();

    const failures = [
      await call(gw.url, '/api/v1/platform/plans'),
      await call(gw.url, '/api/v1/platform/plans'),
    ];
    for (const res of failures)
      expect([res.status, errorOf(res).code]).toEqual([503, 'UPSTREAM_UNREACHABLE']);

    const open = await call(gw.url, '/api/v1/platform/plans');
    expect(open.status).toBe(503);
    expect(errorOf(open)).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      details: { upstream: 'tenant-service' },
    });
    expect(Number(open.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(open.headers['retry-after'])).toBeLessThanOrEqual(Math.ceil(HALF_OPEN_AFTER_MS / 1000));

    await tenantService.restart();
    const stillOpen = await call(gw.url, '/api/v1/platform/plans');
    expect(errorOf(stillOpen).code).toBe('UPSTREAM_UNAVAILABLE');

    await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_AFTER_MS + 100));
    const probe = await call(gw.url, '/api/v1/platform/plans');
    expect(probe.status).toBe(200);
    expect((await call(gw.url, '/api/v1/platform/plans')).status).toBe(200);

    const metrics = await call(gw.url, '/metrics');
    expect(metrics.text).toMatch(
      /gateway_circuit_state\{upstream="tenant-service",service="api-gateway"\} 0/,
    );
    expect(metrics.text).toMatch(
      /gateway_upstream_results_total\{upstream="tenant-service",outcome="UPSTREAM_UNREACHABLE",service="api-gateway"\} 2/,
    );
  });
});

describe('retries', () => {
  it('retries an idempotent request the upstream answered 503, never a POST', async () => {
    const upstream = await FakeUpstream.start({ name: 'tenant-service', secret: SECRET });
    const retrying = await startGateway({
      TENANT_SERVICE_URL: upstream.url,
      UPSTREAM_RETRIES: '1',
      BREAKER_FAILURES: '50',
    });
    try {
      const get = await call(retrying.url, '/api/v1/platform/plans?status=503');
      expect(get.status).toBe(503);
      expect(upstream.receivedUnder('/v1/platform/plans')).toHaveLength(2);

      const post = await call(retrying.url, '/api/v1/platform/tenants?status=503', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"slug":"x"}',
      });
      expect(post.status).toBe(503);
      expect(upstream.receivedUnder('/v1/platform/tenants')).toHaveLength(1);
    } finally {
      await retrying.close();
      await upstream.stop();
    }
  });
});

describe('a client that hangs up', () => {
  it('cancels its upstream call', async () => {
    const upstream = await FakeUpstream.start({ name: 'tenant-service', secret: SECRET });
    const gw = await startGateway({ TENANT_SERVICE_URL: upstream.url });
    try {
      await expect(
        request(`${gw.url}/api/v1/platform/plans?delay=2000`, {
          headers: { host: 'localhost' },
          signal: AbortSignal.timeout(200),
        }),
      ).rejects.toThrow();
      await expect
        .poll(() => upstream.cancelled, { timeout: 1_500 })
        .toEqual(['/v1/platform/plans?delay=2000']);
      await expect
        .poll(() => gw.logs.find((l) => l.msg === 'client closed the request; upstream call cancelled'), {
          timeout: 1_500,
        })
        .toBeDefined();
    } finally {
      await gw.close();
      await upstream.stop();
    }
  });
});
