import { setTimeout as sleep } from 'node:timers/promises';
import { UnavailableError } from '@haat/common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BreakerState, type ServiceClient, createServiceClient } from '../src/index.js';
import { UpstreamServer, sendJson } from './upstream.server.js';

const HALF_OPEN_AFTER_MS = 300;

let upstream: UpstreamServer;
let client: ServiceClient;
let transitions: BreakerState[];
let healthy: boolean;

beforeEach(async () => {
  upstream = await UpstreamServer.start();
  healthy = false;
  upstream.respond((req, res) => {
    if (req.url === '/not-found') return sendJson(res, 404, {});
    sendJson(res, healthy ? 200 : 503, { healthy });
  });
  client = createServiceClient({
    name: 'inventory-service',
    baseUrl: upstream.url,
    timeoutMs: 1_000,
    retries: 0,
    breaker: { halfOpenAfterMs: HALF_OPEN_AFTER_MS, consecutiveFailures: 3 },
  });
  transitions = [];
  client.onStateChange((s) => transitions.push(s));
});
afterEach(async () => {
  await client.close();
  await upstream.close();
});

async function failThreeTimes(): Promise<void> {
  for (let i = 0; i < 3; i++)
    expect((await client.request({ method: 'GET', path: '/stock' })).status).toBe(503);
}

describe('circuit breaker', () => {
  it('opens after N consecutive failures and then fails fast without calling the upstream', async () => {
    await failThreeTimes();
    expect(client.breakerState).toBe('open');
    expect(transitions).toEqual(['open']);

    const error = await client.getJson('/stock').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', details: { upstream: 'inventory-service' } });
    const { retryAfterMs } = (error as UnavailableError).details;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(HALF_OPEN_AFTER_MS);
    expect(upstream.received).toHaveLength(3);
  });

  it('closes again after the half-open delay when the probe succeeds', async () => {
    await failThreeTimes();
    healthy = true;
    await sleep(HALF_OPEN_AFTER_MS + 20);

    expect(await client.getJson('/stock')).toEqual({ healthy: true });
    expect(client.breakerState).toBe('closed');
    expect(transitions).toEqual(['open', 'half-open', 'closed']);
    expect(await client.getJson('/stock')).toEqual({ healthy: true });
  });

  it('re-opens when the probe fails', async () => {
    await failThreeTimes();
    await sleep(HALF_OPEN_AFTER_MS + 20);

    expect((await client.request({ method: 'GET', path: '/stock' })).status).toBe(503);
    expect(transitions).toEqual(['open', 'half-open', 'open']);
    await expect(client.request({ method: 'GET', path: '/stock' })).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
    });
    expect(upstream.received).toHaveLength(4);
  });

  it('lets one probe through while others wait for its outcome', async () => {
    await failThreeTimes();
    await sleep(HALF_OPEN_AFTER_MS + 20);
    let receivedWhileProbing = 0;
    upstream.respond((_req, res) =>
      setTimeout(() => {
        receivedWhileProbing ||= upstream.received.length;
        sendJson(res, 200, { healthy: true });
      }, 100),
    );
    const results = await Promise.all([1, 2, 3].map(() => client.getJson('/stock')));
    expect(results).toEqual([{ healthy: true }, { healthy: true }, { healthy: true }]);
    expect(receivedWhileProbing).toBe(4);
    expect(upstream.received).toHaveLength(6);
    expect(transitions).toEqual(['open', 'half-open', 'closed']);
  });

  it('does not count 4xx answers as failures', async () => {
    for (let i = 0; i < 5; i++) await client.request({ method: 'GET', path: '/not-found' });
    expect(client.breakerState).toBe('closed');
  });

  it('opens on an unreachable upstream too', async () => {
    await upstream.close();
    for (let i = 0; i < 3; i++) {
      await expect(client.request({ method: 'GET', path: '/stock' })).rejects.toMatchObject({
        code: 'UPSTREAM_UNREACHABLE',
      });
    }
    await expect(client.request({ method: 'GET', path: '/stock' })).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
    });
    upstream = await UpstreamServer.start();
  });

  it('stops retrying once the breaker opens mid-retry', async () => {
    const retrying = createServiceClient({
      name: 'inventory-service',
      baseUrl: upstream.url,
      timeoutMs: 1_000,
      retries: 5,
      backoff: { initialDelayMs: 5, maxDelayMs: 10 },
      breaker: { halfOpenAfterMs: 5_000, consecutiveFailures: 2 },
    });
    try {
      await expect(retrying.request({ method: 'GET', path: '/stock' })).rejects.toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
      });
      expect(upstream.received).toHaveLength(2);
    } finally {
      await retrying.close();
    }
  });

  it('can use a sampling breaker instead', async () => {
    const sampled = createServiceClient({
      name: 'inventory-service',
      baseUrl: upstream.url,
      timeoutMs: 1_000,
      retries: 0,
      breaker: { halfOpenAfterMs: 5_000, sampling: { threshold: 0.5, durationMs: 1_000, minimumRps: 1 } },
    });
    try {
      for (let i = 0; i < 5 && sampled.breakerState === 'closed'; i++) {
        await sampled.request({ method: 'GET', path: '/stock' });
      }
      expect(sampled.breakerState).toBe('open');
    } finally {
      await sampled.close();
    }
  });
});
