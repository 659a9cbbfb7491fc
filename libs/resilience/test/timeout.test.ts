import { setTimeout as sleep } from 'node:timers/promises';
import { UnavailableError } from '@haat/common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ServiceClient, createServiceClient } from '../src/index.js';
import { UpstreamServer, sendJson } from './upstream.server.js';

let upstream: UpstreamServer;
let client: ServiceClient;

beforeEach(async () => {
  upstream = await UpstreamServer.start();
  client = createServiceClient({
    name: 'pricing-service',
    baseUrl: upstream.url,
    timeoutMs: 150,
    retries: 2,
    backoff: { initialDelayMs: 5 },
    breaker: { halfOpenAfterMs: 5_000, consecutiveFailures: 10 },
  });
});
afterEach(async () => {
  await client.close();
  await upstream.close();
});

describe('timeout', () => {
  it('fails a slow upstream with UPSTREAM_TIMEOUT, aborting the request, without retrying', async () => {
    upstream.respond((_req, res) => setTimeout(() => sendJson(res, 200, {}), 1_000).unref());
    const started = Date.now();
    const error = await client.getJson('/quote').catch((e: unknown) => e);
    const elapsed = Date.now() - started;

    expect(error).toBeInstanceOf(UnavailableError);
    expect(error).toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      details: { upstream: 'pricing-service', timeoutMs: 150 },
    });
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(600);
    expect(upstream.received).toHaveLength(1);
    await sleep(50);
    expect(upstream.abandoned).toBe(1);
  });

  it('counts a slow body against the same timeout', async () => {
    upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
      setTimeout(() => res.end('true}'), 1_000).unref();
    });
    await expect(client.request({ method: 'GET', path: '/big' })).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
    });
  });

  it('lets the caller cancel, which is not reported as a timeout', async () => {
    upstream.respond((_req, res) => setTimeout(() => sendJson(res, 200, {}), 1_000).unref());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await client
      .request({ method: 'GET', path: '/quote', signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(UnavailableError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});
