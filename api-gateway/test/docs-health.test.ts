import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeUpstream } from './support/fake-upstream.server.js';
import { SECRET, type StartedGateway, TEST_ROUTES, call, startGateway } from './support/gateway.harness.js';

// The upstreams these tests run; the other production routes stay out of this gateway.
const RUNNING = new Set(['tenant-service', 'catalog-service', 'auth-service', 'notification-service']);

let tenantService: FakeUpstream;
let catalog: FakeUpstream;
let authService: FakeUpstream;
let notificationService: FakeUpstream;
let gw: StartedGateway;

const serviceDoc = (path: string, schema: string) => ({
  openapi: '3.1.0',
  info: { title: 'x', version: '1' },
  paths: {
    [path]: {
      get: {
        operationId: 'list',
        responses: {
          200: {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
          },
        },
      },
    },
    '/internal/v1/tenants/resolve': { get: { responses: {} } },
  },
  components: { schemas: { [schema]: { type: 'object' }, ErrorBody: { type: 'object' } } },
});

beforeAll(async () => {
  tenantService = await FakeUpstream.start({
    name: 'tenant-service',
    secret: SECRET,
    openapi: serviceDoc('/v1/platform/tenants', 'Tenant'),
  });
  catalog = await FakeUpstream.start({
    name: 'catalog-service',
    secret: SECRET,
    openapi: serviceDoc('/v1/products/{productId}', 'Product'),
  });
  authService = await FakeUpstream.start({ name: 'auth-service', secret: SECRET });
  notificationService = await FakeUpstream.start({ name: 'notification-service', secret: SECRET });
  gw = await startGateway(
    {
      TENANT_SERVICE_URL: tenantService.url,
      CATALOG_SERVICE_URL: catalog.url,
      AUTH_SERVICE_URL: authService.url,
      NOTIFICATION_SERVICE_URL: notificationService.url,
    },
    { routes: TEST_ROUTES.filter((r) => RUNNING.has(r.service)) },
  );
});
afterAll(async () => {
  await gw?.close();
  await tenantService?.stop();
  await catalog?.stop();
  await authService?.stop();
  await notificationService?.stop();
});

describe('one OpenAPI document', () => {
  it('holds both services’ paths under /api/v1 with their components prefixed, and the RPC bridge', async () => {
    const res = await call(gw.url, '/docs/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.json<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
      'x-haat-sources': Record<string, string>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/platform/tenants',
        '/api/v1/test-catalog/{productId}',
        '/api/v1/rpc/haat.tenant.v1.TenantDirectory/ResolveHost',
      ]),
    );
    expect(Object.keys(doc.paths).some((p) => p.includes('/internal/'))).toBe(false);
    expect(doc.components.schemas).toHaveProperty('TenantService_ErrorBody');
    expect(doc.components.schemas).toHaveProperty('CatalogService_ErrorBody');
    expect(doc.components.schemas).toHaveProperty(['haat.tenant.v1.ResolvedTenant']);
    expect(doc['x-haat-sources']).toEqual({
      'auth-service': 'ok',
      'catalog-service': 'ok',
      'notification-service': 'ok',
      'tenant-service': 'ok',
    });
  });

  it('serves Swagger UI at /docs under a CSP that lets it run', async () => {
    const page = await call(gw.url, '/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('/docs/swagger-ui-bundle.js');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const bundle = await call(gw.url, '/docs/swagger-ui-bundle.js');
    expect([bundle.status, bundle.text.length > 100_000]).toEqual([200, true]);
  });
});

describe('health and metrics', () => {
  it('is 200 when every upstream is ready and 503 naming the one that is not', async () => {
    const ok = await call(gw.url, '/health');
    expect(ok.status).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'ok',
      checks: { 'tenant-service': { status: 'ok' }, 'catalog-service': { status: 'ok' } },
    });

    await catalog.stop();
    try {
      const down = await call(gw.url, '/health');
      expect(down.status).toBe(503);
      expect(down.json()).toMatchObject({
        status: 'error',
        checks: { 'tenant-service': { status: 'ok' }, 'catalog-service': { status: 'error' } },
      });
      expect((await call(gw.url, '/health/live')).status).toBe(200);
    } finally {
      await catalog.restart();
    }
  });

  it('exposes Prometheus metrics by route pattern', async () => {
    await call(gw.url, '/api/v1/platform/tenants');
    const res = await call(gw.url, '/metrics');
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(
      /http_server_requests_total\{method="GET",route="\/api\/v1\/platform\/\*",status="200"/,
    );
  });
});
