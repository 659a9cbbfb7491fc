import type { ResolvedTenant } from '@haat/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from './support/fake-upstream.server.js';
import { SECRET, type StartedGateway, call, errorOf, startGateway } from './support/gateway.harness.js';
import { tenantFixture } from './support/tenants.fixture.js';

const demo = tenantFixture('demo', { extraDomains: ['shop.example.com'] });
const closed = tenantFixture('closed', { status: 'suspended' });
const tenants = new Map<string, ResolvedTenant>([
  ['demo.localhost', demo],
  ['shop.example.com', demo],
  ['closed.localhost', closed],
]);

let tenantService: FakeUpstream;
let gw: StartedGateway;

beforeAll(async () => {
  tenantService = await FakeUpstream.start({ name: 'tenant-service', secret: SECRET, tenants });
  gw = await startGateway({ TENANT_SERVICE_URL: tenantService.url });
});
afterAll(async () => {
  await gw?.close();
  await tenantService?.stop();
});

describe('tenant from Host', () => {
  it('forwards a request on a shop host with that tenant', async () => {
    const res = await call(gw.url, '/api/v1/tenant', { host: 'Demo.LocalHost:8080' });
    expect(res.status).toBe(200);
    expect(res.json<{ url: string; context: { tenantId: string } }>()).toMatchObject({
      url: '/v1/tenant',
      context: { tenantId: demo.tenantId },
    });
  });

  it('resolves a verified custom domain to its tenant', async () => {
    const res = await call(gw.url, '/api/v1/tenant/features', { host: 'shop.example.com' });
    expect(res.json<{ context: { tenantId: string } }>().context.tenantId).toBe(demo.tenantId);
  });

  it('answers 404 TENANT_NOT_FOUND for a host no tenant owns', async () => {
    const res = await call(gw.url, '/api/v1/tenant', { host: 'nobody.localhost' });
    expect(res.status).toBe(404);
    expect(errorOf(res)).toMatchObject({ code: 'TENANT_NOT_FOUND', requestId: res.headers['x-request-id'] });
  });

  it('answers 403 TENANT_SUSPENDED for a suspended tenant and forwards nothing', async () => {
    const before = tenantService.received.length;
    const res = await call(gw.url, '/api/v1/tenant', { host: 'closed.localhost' });
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('TENANT_SUSPENDED');
    expect(tenantService.received.length).toBe(before);
  });

  it('answers 400 HOST_INVALID for a Host that is not a host name', async () => {
    const res = await call(gw.url, '/api/v1/tenant', { host: 'bad_host!' });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('HOST_INVALID');
  });

  it('asks tenant-service once per host, signed as the platform, and caches found and unknown hosts', async () => {
    const asked = (host: string) => tenantService.resolved.filter((r) => r.host === host);
    await Promise.all([1, 2, 3].map(() => call(gw.url, '/api/v1/tenant', { host: 'cached-miss.localhost' })));
    await call(gw.url, '/api/v1/tenant', { host: 'cached-miss.localhost' });
    expect(asked('cached-miss.localhost')).toHaveLength(1);
    await call(gw.url, '/api/v1/tenant', { host: 'demo.localhost' });
    expect(asked('demo.localhost')).toHaveLength(1);
    expect(asked('demo.localhost')[0]!.context).toMatchObject({ tenantId: null, roles: ['system'] });
  });

  it('serves tenant routes only on a shop host and platform routes only on the platform host', async () => {
    const tenantOnPlatform = await call(gw.url, '/api/v1/tenant', { host: 'localhost' });
    expect([tenantOnPlatform.status, errorOf(tenantOnPlatform).code]).toEqual([404, 'TENANT_NOT_FOUND']);
    const platformOnShop = await call(gw.url, '/api/v1/platform/tenants', { host: 'demo.localhost' });
    expect([platformOnShop.status, errorOf(platformOnShop).code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    const platform = await call(gw.url, '/api/v1/platform/tenants?limit=5', { host: 'api.localhost' });
    expect(platform.json<{ url: string; context: { tenantId: null } }>()).toMatchObject({
      url: '/v1/platform/tenants?limit=5',
      context: { tenantId: null },
    });
  });
});
