import { ConflictError, InternalError, NotFoundError, ValidationError } from '@haat/common';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ServiceClient, createServiceClient } from '../src/index.js';
import { UpstreamServer, sendJson } from './upstream.server.js';

const Product = z.object({
  id: z.string(),
  price: z.object({ amount: z.coerce.bigint(), currency: z.string() }),
});

let upstream: UpstreamServer;
let client: ServiceClient;

beforeEach(async () => {
  upstream = await UpstreamServer.start();
  client = createServiceClient({
    name: 'catalog-service',
    baseUrl: upstream.url,
    timeoutMs: 1_000,
    retries: 0,
    breaker: { halfOpenAfterMs: 5_000, consecutiveFailures: 10 },
  });
});
afterEach(async () => {
  await client.close();
  await upstream.close();
});

describe('JSON helpers', () => {
  it('returns the JSON parsed by the schema', async () => {
    upstream.respond((_req, res) =>
      sendJson(res, 200, { id: 'p1', price: { amount: '12500', currency: 'BDT' } }),
    );
    const product = await client.getJson('/products/p1', Product);
    expect(product).toEqual({ id: 'p1', price: { amount: 12_500n, currency: 'BDT' } });
    expect(upstream.received[0]?.headers.accept).toBe('application/json');
  });

  it('refuses a body outside the contract, naming the field', async () => {
    upstream.respond((_req, res) => sendJson(res, 200, { id: 'p1', price: { currency: 'BDT' } }));
    const error = await client.getJson('/products/p1', Product).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalError);
    expect(error).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      details: { fields: [{ field: 'price.amount' }] },
    });
  });

  it('refuses a body that is not JSON', async () => {
    upstream.respond((_req, res) => res.writeHead(200).end('<html>'));
    await expect(client.getJson('/products/p1')).rejects.toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });

  it('passes the upstream’s 404 through with its code', async () => {
    upstream.respond((_req, res) =>
      sendJson(res, 404, {
        error: { code: 'CATALOG_PRODUCT_NOT_FOUND', message: 'No such product', details: { id: 'p9' } },
      }),
    );
    const error = await client.getJson('/products/p9', Product).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      code: 'CATALOG_PRODUCT_NOT_FOUND',
      message: 'No such product',
      details: { id: 'p9', upstream: 'catalog-service', status: 404 },
    });
  });

  it('passes 400 and 409 through as their kinds, with a generic code when the body has none', async () => {
    upstream.respond((req, res) => (req.url === '/bad' ? res.writeHead(400).end() : sendJson(res, 409, {})));
    await expect(client.getJson('/bad')).rejects.toBeInstanceOf(ValidationError);
    await expect(client.requestJson({ method: 'POST', path: '/dup', json: {} })).rejects.toEqual(
      expect.objectContaining({ code: 'UPSTREAM_REJECTED' }),
    );
    await expect(client.requestJson({ method: 'POST', path: '/dup', json: {} })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('treats a 401 as our own misconfiguration, not the user’s', async () => {
    upstream.respond((_req, res) =>
      sendJson(res, 401, { error: { code: 'AUTH_BAD_SIGNATURE', message: 'x', details: {} } }),
    );
    const error = await client.getJson('/products').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalError);
    expect(error).toMatchObject({ code: 'UPSTREAM_CREDENTIALS_REJECTED' });
  });

  it('returns the raw response from request(), whatever the status', async () => {
    upstream.respond((_req, res) => res.writeHead(418, { 'x-tea': 'yes' }).end('short and stout'));
    const response = await client.request({ method: 'GET', path: '/teapot' });
    expect(response.status).toBe(418);
    expect(response.headers['x-tea']).toBe('yes');
    expect(response.text()).toBe('short and stout');
  });

  it('sends json with a content type', async () => {
    upstream.respond((_req, res) => sendJson(res, 200, { echoed: true }));
    const response = await client.request({ method: 'PATCH', path: '/p', json: { a: 1 } });
    expect(response.json()).toEqual({ echoed: true });
    expect(upstream.received[0]?.headers['content-type']).toBe('application/json');
    expect(upstream.received[0]?.body.toString()).toBe('{"a":1}');
  });
});
