import { createHash } from 'node:crypto';
import type { ResolvedTenant } from '@haat/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream, type ReceivedRequest } from './support/fake-upstream.server.js';
import {
  OPERATOR_TOKEN,
  SECRET,
  type StartedGateway,
  call,
  errorOf,
  startGateway,
} from './support/gateway.harness.js';
import { tenantFixture } from './support/tenants.fixture.js';

const demo = tenantFixture('demo');
const other = tenantFixture('other');
let tenantService: FakeUpstream;
let gw: StartedGateway;

beforeAll(async () => {
  tenantService = await FakeUpstream.start({
    name: 'tenant-service',
    secret: SECRET,
    tenants: new Map<string, ResolvedTenant>([
      ['demo.localhost', demo],
      ['other.localhost', other],
    ]),
  });
  gw = await startGateway({ TENANT_SERVICE_URL: tenantService.url });
});
afterAll(async () => {
  await gw?.close();
  await tenantService?.stop();
});

function lastReceived(): ReceivedRequest {
  const last = tenantService.received.at(-1);
  if (!last) throw new Error('the upstream received nothing');
  return last;
}

describe('identity forwarded to services', () => {
  it('never lets forged tenant, identity or signature headers reach the upstream', async () => {
    const res = await call(gw.url, '/api/v1/tenant', {
      host: 'demo.localhost',
      headers: {
        'x-tenant-id': other.tenantId,
        'x-user-id': 'root',
        'x-haat-tenant-id': other.tenantId,
        'x-haat-user-id': 'root',
        'x-haat-roles': 'operator',
        'x-haat-permissions': '*',
        'x-haat-timestamp': String(Date.now()),
        'x-haat-signature': 'v1=00',
        connection: 'x-haat-roles',
      },
    });
    expect(res.status).toBe(200);
    const seen = lastReceived();
    expect(seen.headers['x-tenant-id']).toBeUndefined();
    expect(seen.headers['x-user-id']).toBeUndefined();
    expect(seen.headers['x-haat-tenant-id']).toBe(demo.tenantId);
    expect(seen.headers['x-haat-user-id']).toBeUndefined();
    expect(seen.headers['x-haat-roles']).toBeUndefined();
    expect(seen.context).toEqual({
      tenantId: demo.tenantId,
      userId: null,
      roles: [],
      permissions: [],
      requestId: res.headers['x-request-id'],
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/),
    });
  });

  it('signs the operator’s identity for the bearer of the operator token, and drops the token', async () => {
    await call(gw.url, '/api/v1/platform/tenants', {
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    });
    const seen = lastReceived();
    expect(seen.context).toMatchObject({
      tenantId: null,
      userId: 'operator',
      roles: ['operator'],
      permissions: ['*'],
    });
    expect(seen.headers.authorization).toBeUndefined();
  });

  it('refuses a bearer token nobody recognises with 401 AUTH_TOKEN_INVALID, before any service sees it', async () => {
    const before = tenantService.received.length;
    const res = await call(gw.url, '/api/v1/platform/tenants', {
      headers: { authorization: 'Bearer not-the-operator-token-at-all' },
    });
    expect(res.status).toBe(401);
    expect(errorOf(res).code).toBe('AUTH_TOKEN_INVALID');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="haat", error="invalid_token"');
    expect(tenantService.received.length).toBe(before);
  });

  it('refuses the operator token on a shop’s host with 401 AUTH_TOKEN_WRONG_TENANT', async () => {
    const res = await call(gw.url, '/api/v1/tenant', {
      host: 'demo.localhost',
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    });
    expect([res.status, errorOf(res).code]).toEqual([401, 'AUTH_TOKEN_WRONG_TENANT']);
  });

  it('serves a request with another authorization scheme as anonymous', async () => {
    const res = await call(gw.url, '/api/v1/tenant', {
      host: 'demo.localhost',
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(res.status).toBe(200);
    expect(lastReceived().context).toMatchObject({ userId: null, roles: [], permissions: [] });
    expect(lastReceived().headers.authorization).toBeUndefined();
  });

  it('signs over the exact body bytes it forwards', async () => {
    const body = '{"name":  "চা শপ", "n": 1.50}';
    const res = await call(gw.url, '/api/v1/tenant/settings', {
      host: 'demo.localhost',
      method: 'PATCH',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
    });
    expect(res.json<{ bodySha256: string; method: string }>()).toMatchObject({
      method: 'PATCH',
      bodySha256: createHash('sha256').update(body).digest('hex'),
    });
    expect(lastReceived().context).toMatchObject({ tenantId: demo.tenantId });
  });

  it('keeps a well-formed client request id and replaces anything else', async () => {
    const kept = await call(gw.url, '/api/v1/tenant', {
      host: 'demo.localhost',
      headers: { 'x-request-id': 'edge-req.0001_ab' },
    });
    expect(kept.headers['x-request-id']).toBe('edge-req.0001_ab');
    expect(lastReceived().context).toMatchObject({ requestId: 'edge-req.0001_ab' });

    const replaced = await call(gw.url, '/api/v1/tenant', {
      host: 'demo.localhost',
      headers: { 'x-request-id': 'has spaces, so not ours' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lastReceived().headers['x-request-id']).toBe(replaced.headers['x-request-id']);
  });

  it('continues the client’s trace when it sends a valid traceparent', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await call(gw.url, '/api/v1/tenant', {
      host: 'demo.localhost',
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(lastReceived().headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  });
});
