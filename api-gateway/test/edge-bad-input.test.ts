import type { ResolvedTenant } from '@haat/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from './support/fake-upstream.server.js';
import {
  SECRET,
  type StartedGateway,
  call,
  errorOf,
  rawGet,
  startGateway,
} from './support/gateway.harness.js';
import { tenantFixture } from './support/tenants.fixture.js';

let tenantService: FakeUpstream;
let gw: StartedGateway;
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  tenantService = await FakeUpstream.start({
    name: 'tenant-service',
    secret: SECRET,
    tenants: new Map<string, ResolvedTenant>([['demo.localhost', tenantFixture('demo')]]),
  });
  // auth-service's routes lead to the same echo: they are the ones that carry cookies.
  gw = await startGateway({
    TENANT_SERVICE_URL: tenantService.url,
    AUTH_SERVICE_URL: tenantService.url,
    BODY_LIMIT_BYTES: '1024',
  });
});
afterAll(async () => {
  await gw?.close();
  await tenantService?.stop();
});

describe('routing', () => {
  it('answers 404 ROUTE_NOT_FOUND with a request id for a path no route serves', async () => {
    for (const path of ['/api/v1/nothing-here', '/api/v1/tenantsX', '/', '/api/v2/tenant']) {
      const res = await call(gw.url, path, { host: 'demo.localhost' });
      expect(res.status, path).toBe(404);
      expect(errorOf(res), path).toMatchObject({
        code: 'ROUTE_NOT_FOUND',
        requestId: res.headers['x-request-id'],
      });
    }
  });

  it('passes the upstream’s status, headers and body through', async () => {
    const res = await call(gw.url, '/api/v1/tenant/domains?status=201', {
      host: 'demo.localhost',
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(res.status).toBe(201);
    expect(res.headers['x-upstream']).toBe('tenant-service');
    expect(res.json()).toMatchObject({ url: '/v1/tenant/domains?status=201' });
  });

  it('passes cookies both ways on the auth routes only', async () => {
    const cookie = 'haat_rt=refresh-token-value; theme=dark';
    const auth = await call(gw.url, '/api/v1/auth/refresh', {
      host: 'demo.localhost',
      method: 'POST',
      headers: { ...json, cookie },
      body: '{}',
    });
    expect(auth.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(tenantService.receivedUnder('/v1/auth/refresh').at(-1)?.headers.cookie).toBe(cookie);

    const other = await call(gw.url, '/api/v1/tenant', { host: 'demo.localhost', headers: { cookie } });
    expect(other.status).toBe(200);
    expect(other.headers['set-cookie']).toBeUndefined();
    expect(tenantService.receivedUnder('/v1/tenant').at(-1)?.headers.cookie).toBeUndefined();
  });

  it('never routes to a service’s internal API', async () => {
    // Marked, to tell these from the gateway's own (signed, system) revocation polls.
    const probe = { 'x-request-id': 'internal-probe-0001' };
    for (const path of ['/internal/v1/auth/revocations', '/api/v1/internal/v1/auth/revocations']) {
      const res = await call(gw.url, path, { host: 'demo.localhost', headers: probe });
      expect([res.status, errorOf(res).code], path).toEqual([404, 'ROUTE_NOT_FOUND']);
    }
    const climbing = await rawGet(
      gw.url,
      '/api/v1/auth/../../internal/v1/auth/revocations',
      'demo.localhost',
    );
    expect(climbing.status).toBe(400);
    expect(tenantService.received.filter((r) => r.headers['x-request-id'] === probe['x-request-id'])).toEqual(
      [],
    );
    expect(
      tenantService.receivedUnder('/internal/').every((r) => r.headers['x-haat-roles'] === 'system'),
    ).toBe(true);
  });

  it('answers HEAD without a body', async () => {
    const res = await call(gw.url, '/api/v1/tenant', { host: 'demo.localhost', method: 'HEAD' });
    expect([res.status, res.text]).toEqual([200, '']);
  });

  it('refuses a path that climbs out of its route with 400 PATH_INVALID', async () => {
    for (const path of [
      '/api/v1/tenant/%2e%2e/platform/tenants',
      '/api/v1/tenant/../platform/tenants',
      '/api/v1/tenant/a%2Fb',
    ]) {
      const res = await rawGet(gw.url, path, 'demo.localhost');
      expect([res.status, JSON.parse(res.body).error.code], path).toEqual([400, 'PATH_INVALID']);
    }
  });
});

describe('bad input never reaches a service', () => {
  it('answers 413 PAYLOAD_TOO_LARGE for a body over the limit', async () => {
    const before = tenantService.received.length;
    const res = await call(gw.url, '/api/v1/tenant/settings', {
      host: 'demo.localhost',
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ blob: 'x'.repeat(2000) }),
    });
    expect([res.status, errorOf(res).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(tenantService.received.length).toBe(before);
  });

  it('answers 400 MALFORMED_JSON for a JSON body that does not parse', async () => {
    const res = await call(gw.url, '/api/v1/tenant/settings', {
      host: 'demo.localhost',
      method: 'PUT',
      headers: json,
      body: '{"name": "x",',
    });
    expect([res.status, errorOf(res).code]).toEqual([400, 'MALFORMED_JSON']);
  });

  it('forwards bodies of other types as bytes', async () => {
    const res = await call(gw.url, '/api/v1/tenant/logo', {
      host: 'demo.localhost',
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from([0, 1, 2, 255]),
    });
    expect(res.status).toBe(200);
    expect(tenantService.received.at(-1)?.body).toEqual(Buffer.from([0, 1, 2, 255]));
  });
});

describe('security headers', () => {
  it('sets them on success and error responses', async () => {
    for (const path of ['/api/v1/tenant', '/api/v1/missing']) {
      const res = await call(gw.url, path, { host: 'demo.localhost' });
      expect(res.headers, path).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy': expect.stringContaining("default-src 'none'"),
      });
      expect(res.headers['strict-transport-security'], path).toBeUndefined();
    }
  });

  it('adds HSTS when the trusted edge says the client used HTTPS', async () => {
    const res = await call(gw.url, '/api/v1/tenant', {
      host: 'demo.localhost',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });
});
