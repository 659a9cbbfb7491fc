import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ServiceClient, createServiceClient } from '../src/index.js';
import { UpstreamServer, sendJson } from './upstream.server.js';

let upstream: UpstreamServer;
let client: ServiceClient;

beforeEach(async () => {
  upstream = await UpstreamServer.start();
  client = createServiceClient({
    name: 'catalog-service',
    baseUrl: upstream.url,
    timeoutMs: 1_000,
    retries: 2,
    backoff: { initialDelayMs: 5, maxDelayMs: 20 },
    breaker: { halfOpenAfterMs: 5_000, consecutiveFailures: 10 },
  });
});
afterEach(async () => {
  await client.close();
  await upstream.close();
});

describe('retries', () => {
  it('retries a GET after a 503 and returns the success', async () => {
    upstream.respond((_req, res, attempt) =>
      attempt === 1 ? sendJson(res, 503, {}) : sendJson(res, 200, { id: 'p1' }),
    );
    expect(await client.getJson('/products/p1')).toEqual({ id: 'p1' });
    expect(upstream.received.map((r) => r.method)).toEqual(['GET', 'GET']);
  });

  it('retries a GET whose connection was dropped', async () => {
    upstream.respond((_req, res, attempt) =>
      attempt === 1 ? res.socket?.destroy() : sendJson(res, 200, { ok: true }),
    );
    expect(await client.getJson('/health')).toEqual({ ok: true });
    expect(upstream.received).toHaveLength(2);
  });

  it('retries 502 and 504 too', async () => {
    upstream.respond((_req, res, attempt) =>
      sendJson(res, attempt === 1 ? 502 : attempt === 2 ? 504 : 200, {}),
    );
    expect((await client.request({ method: 'GET', path: '/x' })).status).toBe(200);
    expect(upstream.received).toHaveLength(3);
  });

  it('never retries a POST without an Idempotency-Key', async () => {
    upstream.respond((_req, res) => sendJson(res, 503, {}));
    const response = await client.request({ method: 'POST', path: '/orders', json: { sku: 'A' } });
    expect(response.status).toBe(503);
    expect(upstream.received).toHaveLength(1);
  });

  it('never retries a POST whose connection was dropped', async () => {
    upstream.respond((_req, res) => res.socket?.destroy());
    await expect(client.request({ method: 'POST', path: '/orders', json: {} })).rejects.toMatchObject({
      code: 'UPSTREAM_UNREACHABLE',
    });
    expect(upstream.received).toHaveLength(1);
  });

  it('retries a POST that carries an Idempotency-Key, with the same key and body', async () => {
    upstream.respond((_req, res, attempt) =>
      attempt === 1 ? sendJson(res, 503, {}) : sendJson(res, 201, { id: 'o1' }),
    );
    const response = await client.request({
      method: 'POST',
      path: '/orders',
      headers: { 'Idempotency-Key': 'key-1' },
      json: { sku: 'A' },
    });
    expect(response.status).toBe(201);
    expect(upstream.received).toHaveLength(2);
    for (const r of upstream.received) {
      expect(r.headers['idempotency-key']).toBe('key-1');
      expect(r.body.toString()).toBe('{"sku":"A"}');
    }
  });

  it('does not retry a 500 or a 4xx', async () => {
    upstream.respond((req, res) => sendJson(res, req.url === '/bug' ? 500 : 404, {}));
    expect((await client.request({ method: 'GET', path: '/bug' })).status).toBe(500);
    expect((await client.request({ method: 'GET', path: '/missing' })).status).toBe(404);
    expect(upstream.received).toHaveLength(2);
  });

  it('gives up after the configured retries and reports the upstream failure', async () => {
    upstream.respond((_req, res) => sendJson(res, 503, {}));
    await expect(client.getJson('/products')).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      status: 503,
      details: { upstream: 'catalog-service', status: 503 },
    });
    expect(upstream.received).toHaveLength(3);
  });
});
