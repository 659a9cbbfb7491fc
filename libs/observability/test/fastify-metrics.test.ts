import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentFastify, UNMATCHED_ROUTE } from '../src/metrics/fastify-metrics.hook.js';
import { createMetrics } from '../src/metrics/service-metrics.js';
import { sampleValue } from './support/prometheus-text.js';

describe('instrumentFastify', () => {
  const metrics = createMetrics({ service: 'catalog-service' });
  const app = Fastify();
  let base = '';

  beforeAll(async () => {
    instrumentFastify(app, metrics);
    app.get('/products/:id', async (request) => ({ id: (request.params as { id: string }).id }));
    app.post('/products', async (_request, reply) => reply.status(201).send({ ok: true }));
    app.get('/slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, 120));
      return 'done';
    });
    app.get('/metrics', async (_request, reply) => {
      const { contentType, body } = await metrics.render();
      return reply.header('content-type', contentType).send(body);
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  it('labels requests with the route pattern, not the URL, and counts each status', async () => {
    for (const id of ['p-1', 'p-2', 'p-3']) await fetch(`${base}/products/${id}`);
    await fetch(`${base}/products`, { method: 'POST' });
    const text = await (await fetch(`${base}/metrics`)).text();

    expect(
      sampleValue(text, 'http_server_requests_total', {
        method: 'GET',
        route: '/products/:id',
        status: '200',
        service: 'catalog-service',
      }),
    ).toBe(3);
    expect(
      sampleValue(text, 'http_server_requests_total', { method: 'POST', route: '/products', status: '201' }),
    ).toBe(1);
    expect(text).not.toContain('p-1');
  });

  it('puts every unmatched URL under one series', async () => {
    await fetch(`${base}/nope/1`);
    await fetch(`${base}/nope/2`);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(sampleValue(text, 'http_server_requests_total', { route: UNMATCHED_ROUTE, status: '404' })).toBe(
      2,
    );
    expect(text).not.toContain('/nope');
  });

  it('observes how long a request took', async () => {
    await fetch(`${base}/slow`);
    const text = await (await fetch(`${base}/metrics`)).text();
    const slow = { route: '/slow', status: '200' };
    expect(sampleValue(text, 'http_server_request_duration_seconds_count', slow)).toBe(1);
    expect(sampleValue(text, 'http_server_request_duration_seconds_sum', slow)).toBeGreaterThanOrEqual(0.1);
    expect(sampleValue(text, 'http_server_request_duration_seconds_bucket', { ...slow, le: '0.1' })).toBe(0);
  });
});
