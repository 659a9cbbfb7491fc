import type { ResolvedTenant } from '@haat/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from './support/fake-upstream.server.js';
import { SECRET, type StartedGateway, call, errorOf, startGateway } from './support/gateway.harness.js';
import { tenantFixture } from './support/tenants.fixture.js';

let tenantService: FakeUpstream;
let gw: StartedGateway;
const demo = tenantFixture('demo', { extraDomains: ['shop.example.com'] });

beforeAll(async () => {
  tenantService = await FakeUpstream.start({
    name: 'tenant-service',
    secret: SECRET,
    tenants: new Map<string, ResolvedTenant>([
      ['demo.localhost', demo],
      ['other.localhost', tenantFixture('other')],
    ]),
  });
  gw = await startGateway({ TENANT_SERVICE_URL: tenantService.url });
});
afterAll(async () => {
  await gw?.close();
  await tenantService?.stop();
});

const preflight = (origin: string, host = 'demo.localhost') =>
  call(gw.url, '/api/v1/tenant/settings', {
    method: 'OPTIONS',
    host,
    headers: {
      origin,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type',
    },
  });

describe('CORS per tenant', () => {
  it('lets the tenant’s own domains call its API, on any port and scheme', async () => {
    for (const origin of ['http://demo.localhost:3000', 'https://shop.example.com']) {
      const res = await preflight(origin);
      expect(res.status, origin).toBe(204);
      expect(res.headers['access-control-allow-origin'], origin).toBe(origin);
      expect(String(res.headers['access-control-allow-methods'])).toContain('PUT');
      const get = await call(gw.url, '/api/v1/tenant', { host: 'demo.localhost', headers: { origin } });
      expect(get.headers['access-control-allow-origin']).toBe(origin);
      expect(String(get.headers['access-control-expose-headers'])).toContain('ratelimit');
    }
  });

  it('gives another tenant’s or a foreign origin no CORS headers, and refuses its preflight', async () => {
    for (const origin of ['http://other.localhost:3000', 'https://evil.example', 'null']) {
      const res = await preflight(origin);
      expect(res.status, origin).toBe(403);
      expect(errorOf(res).code).toBe('CORS_ORIGIN_DENIED');
      expect(res.headers['access-control-allow-origin'], origin).toBeUndefined();
      const get = await call(gw.url, '/api/v1/tenant', { host: 'demo.localhost', headers: { origin } });
      expect(get.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
  });

  it('lets pages on the platform host call platform routes', async () => {
    const res = await preflight('http://localhost:5173', 'localhost');
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
  });
});
