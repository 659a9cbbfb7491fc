import { createHash, createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ServiceClient, type SignableRequest, createServiceClient } from '../src/index.js';
import { UpstreamServer, sendJson } from './upstream.server.js';

const SECRET = 'test-secret';

/** A stand-in for @haat/tenant's signer: HMAC over method, path and the body's SHA-256. */
function sign(req: SignableRequest): Record<string, string> {
  const bodyHash = createHash('sha256')
    .update(req.body ?? '')
    .digest('hex');
  const signature = createHmac('sha256', SECRET)
    .update(`${req.method}\n${req.path}\n${bodyHash}`)
    .digest('hex');
  return { 'x-haat-tenant-id': 'tenant-1', 'x-haat-signature': `v1=${signature}` };
}

function verify(method: string, url: string, body: Buffer, header: string | string[] | undefined): boolean {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return (
    header === `v1=${createHmac('sha256', SECRET).update(`${method}\n${url}\n${bodyHash}`).digest('hex')}`
  );
}

let upstream: UpstreamServer;
let client: ServiceClient;
let signed: SignableRequest[];

beforeEach(async () => {
  upstream = await UpstreamServer.start();
  signed = [];
  client = createServiceClient({
    name: 'order-service',
    baseUrl: `${upstream.url}/internal`,
    timeoutMs: 1_000,
    retries: 1,
    backoff: { initialDelayMs: 5 },
    breaker: { halfOpenAfterMs: 5_000, consecutiveFailures: 10 },
    sign: (req) => {
      signed.push(req);
      return sign(req);
    },
  });
});
afterEach(async () => {
  await client.close();
  await upstream.close();
});

describe('request signing', () => {
  it('sends the signer’s headers, and the upstream verifies them over the exact path and body bytes', async () => {
    upstream.respond((_req, res) => sendJson(res, 201, { ok: true }));
    await client.request({
      method: 'POST',
      path: '/orders',
      query: { expand: ['lines', 'payments'], dryRun: false, skip: undefined },
      json: { total: { amount: '12500', currency: 'BDT' }, note: 'চা' },
    });

    const [received] = upstream.received;
    expect(received?.url).toBe('/internal/orders?expand=lines&expand=payments&dryRun=false');
    expect(received?.headers['x-haat-tenant-id']).toBe('tenant-1');
    expect(signed[0]?.path).toBe(received?.url);
    expect(signed[0]?.body?.equals(received?.body ?? Buffer.alloc(0))).toBe(true);
    expect(
      received && verify('POST', received.url, received.body, received.headers['x-haat-signature']),
    ).toBe(true);
  });

  it('signs a bodiless request with an undefined body', async () => {
    upstream.respond((_req, res) => sendJson(res, 200, {}));
    await client.getJson('/products/1');
    expect(signed).toEqual([{ method: 'GET', path: '/internal/products/1', body: undefined }]);
    const [received] = upstream.received;
    expect(received && verify('GET', received.url, received.body, received.headers['x-haat-signature'])).toBe(
      true,
    );
  });

  it('signs raw bytes as given', async () => {
    upstream.respond((_req, res) => sendJson(res, 200, {}));
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    await client.request({
      method: 'PUT',
      path: '/media/1',
      body: bytes,
      headers: { 'content-type': 'image/png' },
    });
    expect(upstream.received[0]?.body.equals(bytes)).toBe(true);
    expect(signed[0]?.body?.equals(bytes)).toBe(true);
  });

  it('signs each attempt afresh when it retries', async () => {
    upstream.respond((_req, res, attempt) => sendJson(res, attempt === 1 ? 503 : 200, {}));
    await client.getJson('/products/1');
    expect(signed).toHaveLength(2);
    expect(upstream.received).toHaveLength(2);
  });
});
