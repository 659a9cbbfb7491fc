import { status } from '@grpc/grpc-js';
import { newId } from '@haat/common';
import { ResolvedTenantSchema, type ResolvedTenant } from '@haat/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Domain } from '../src/modules/domains/dto/domain.dto.js';
import type { Tenant } from '../src/modules/tenants/dto/tenant.dto.js';
import {
  type ErrorJson,
  gateway,
  type Harness,
  newTenantBody,
  owner,
  serviceFor,
  startHarness,
} from './support/tenant-service.harness.js';
import { TenantDirectoryClient } from './support/tenant-directory.client.js';

let h: Harness;
let grpc: TenantDirectoryClient;
let shop: Tenant;
let suspended: Tenant;
let verified: Domain;
let unverified: Domain;

beforeAll(async () => {
  h = await startHarness();
  grpc = new TenantDirectoryClient(h.grpcPort);
  shop = (
    await h.call<Tenant>('POST', '/v1/platform/tenants', { body: newTenantBody({ planCode: 'growth' }) })
  ).json;
  suspended = (await h.call<Tenant>('POST', '/v1/platform/tenants', { body: newTenantBody() })).json;
  await h.call('POST', `/v1/platform/tenants/${suspended.id}/suspend`, { body: { reason: 'unpaid' } });
  await h.call('PUT', '/v1/tenant/features/reviews', { as: owner(shop.id), body: { enabled: true } });
  await h.call('PUT', '/v1/tenant/features/loyalty', { as: owner(shop.id), body: { enabled: false } });

  const add = async (hostname: string) =>
    (await h.call<Domain>('POST', '/v1/tenant/domains', { as: owner(shop.id), body: { hostname } })).json;
  verified = await add(`bazaar-${newId().slice(-8)}.example.com`);
  unverified = await add(`pending-${newId().slice(-8)}.example.com`);
  h.dns.setTxt(verified.verification?.recordName ?? '', [verified.verification?.recordValue ?? '']);
  const v = await h.call('POST', `/v1/tenant/domains/${verified.id}/verify`, { as: owner(shop.id) });
  expect(v.status, v.text).toBe(200);
});
afterAll(async () => {
  grpc?.close();
  await h?.close();
});

const resolve = (host: string, as = gateway) =>
  h.call<ResolvedTenant & ErrorJson>('GET', `/internal/v1/tenants/resolve?host=${encodeURIComponent(host)}`, {
    as,
  });

describe('resolve by host over REST', () => {
  it('finds a tenant by its platform subdomain with its plan, domains and features', async () => {
    const r = await resolve(`${shop.slug}.localhost`);
    expect(r.status).toBe(200);
    expect(ResolvedTenantSchema.parse(r.json)).toEqual({
      tenantId: shop.id,
      slug: shop.slug,
      name: shop.name,
      status: 'active',
      plan: {
        code: 'growth',
        limits: { products: 5000, vendors: 100, staff: 25, ordersPerMonth: 10000 },
        rateLimits: { tenantRequestsPerMinute: 3000 },
      },
      domains: [`${shop.slug}.localhost`, verified.hostname],
      features: { reviews: true, loyalty: false },
      defaultCurrency: 'BDT',
      defaultLocale: 'en',
    });
  });

  it('ignores case, the port and a trailing dot', async () => {
    for (const host of [
      `${shop.slug.toUpperCase()}.LocalHost:8080`,
      `${shop.slug}.localhost.`,
      `${verified.hostname}:443`,
    ]) {
      const r = await resolve(host);
      expect(r.status, host).toBe(200);
      expect(r.json.tenantId).toBe(shop.id);
    }
  });

  it('finds a tenant by a verified custom domain', async () => {
    expect((await resolve(verified.hostname)).json.tenantId).toBe(shop.id);
  });

  it('answers 404 TENANT_NOT_FOUND for an unverified domain and an unknown host', async () => {
    for (const host of [unverified.hostname, 'nobody.localhost', 'unknown.example.org']) {
      const r = await resolve(host);
      expect(r.status, host).toBe(404);
      expect(r.json.error.code).toBe('TENANT_NOT_FOUND');
    }
  });

  it('returns a suspended tenant with status suspended (the gateway answers 403)', async () => {
    const r = await resolve(`${suspended.slug}.localhost`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ tenantId: suspended.id, status: 'suspended' });
  });

  it('answers 400 naming host for a missing or malformed host', async () => {
    for (const path of [
      '/internal/v1/tenants/resolve',
      '/internal/v1/tenants/resolve?host=%5B%3A%3A1%5D%3A80',
    ]) {
      const r = await h.call<ErrorJson>('GET', path, { as: gateway });
      expect(r.status, path).toBe(400);
      expect(r.json.error.details.fields?.[0]?.field).toBe('host');
    }
  });

  it('refuses an unsigned call with 401', async () => {
    const r = await h.call<ErrorJson>('GET', `/internal/v1/tenants/resolve?host=${shop.slug}.localhost`, {
      sign: false,
    });
    expect(r.status).toBe(401);
  });
});

describe('resolve by host over gRPC', () => {
  it('answers ResolveHost for a signed call, limits as numbers', async () => {
    const { response, error } = await grpc.call(
      'ResolveHost',
      { host: `${shop.slug}.LOCALHOST:8080` },
      { as: gateway },
    );
    expect(error).toBeUndefined();
    expect(response).toEqual({
      tenant_id: shop.id,
      slug: shop.slug,
      name: shop.name,
      status: 'active',
      plan_code: 'growth',
      limits: { products: 5000, vendors: 100, staff: 25, orders_per_month: 10000 },
      tenant_requests_per_minute: 3000,
      domains: [`${shop.slug}.localhost`, verified.hostname],
      features: { reviews: true, loyalty: false },
      default_currency: 'BDT',
      default_locale: 'en',
    });
  });

  it('returns a suspended tenant, and NOT_FOUND with code TENANT_NOT_FOUND for an unverified host', async () => {
    const s = await grpc.call('ResolveHost', { host: `${suspended.slug}.localhost` }, { as: gateway });
    expect(s.response?.status).toBe('suspended');
    const u = await grpc.call('ResolveHost', { host: unverified.hostname }, { as: gateway });
    expect(u.error?.code).toBe(status.NOT_FOUND);
    expect(u.error?.metadata.get('x-haat-error-code')).toEqual(['TENANT_NOT_FOUND']);
  });

  it('refuses an unsigned call and a signature over another request with UNAUTHENTICATED', async () => {
    const unsigned = await grpc.call(
      'ResolveHost',
      { host: `${shop.slug}.localhost` },
      { as: gateway, sign: false },
    );
    expect(unsigned.error?.code).toBe(status.UNAUTHENTICATED);
    expect(unsigned.error?.metadata.get('x-haat-error-code')).toEqual(['INTERNAL_SIGNATURE_MISSING']);
    const forged = await grpc.call(
      'ResolveHost',
      { host: `${suspended.slug}.localhost` },
      { as: gateway, signedBody: JSON.stringify({ host: `${shop.slug}.localhost` }) },
    );
    expect(forged.error?.code).toBe(status.UNAUTHENTICATED);
    expect(forged.error?.metadata.get('x-haat-error-code')).toEqual(['INTERNAL_SIGNATURE_INVALID']);
  });

  it('answers INVALID_ARGUMENT for a malformed host', async () => {
    const r = await grpc.call('ResolveHost', { host: 'not a host' }, { as: gateway });
    expect(r.error?.code).toBe(status.INVALID_ARGUMENT);
  });

  it('answers CheckLimit with -1 for unlimited', async () => {
    const request = { tenant_id: shop.id, resource: 'orders_per_month', current: 9_999, adding: 2 };
    const refused = await grpc.call('CheckLimit', request, { as: serviceFor(shop.id) });
    expect(refused.response).toEqual({ allowed: false, limit: 10000, remaining: 1 });
    await h.call('PATCH', `/v1/platform/tenants/${shop.id}`, { body: { planCode: 'enterprise' } });
    const unlimited = await grpc.call('CheckLimit', request, { as: serviceFor(shop.id) });
    expect(unlimited.response).toEqual({ allowed: true, limit: -1, remaining: -1 });
    await h.call('PATCH', `/v1/platform/tenants/${shop.id}`, { body: { planCode: 'growth' } });
  });

  it('refuses CheckLimit about another tenant than the signed one, and an unknown resource', async () => {
    const other = await grpc.call(
      'CheckLimit',
      { tenant_id: suspended.id, resource: 'products', current: 0, adding: 1 },
      { as: serviceFor(shop.id) },
    );
    expect(other.error?.code).toBe(status.PERMISSION_DENIED);
    const bad = await grpc.call(
      'CheckLimit',
      { tenant_id: shop.id, resource: 'warehouses', current: 0, adding: 1 },
      { as: serviceFor(shop.id) },
    );
    expect(bad.error?.code).toBe(status.INVALID_ARGUMENT);
    const platform = await grpc.call(
      'CheckLimit',
      { tenant_id: shop.id, resource: 'staff', current: 3, adding: 1 },
      { as: gateway },
    );
    expect(platform.response).toEqual({ allowed: true, limit: 25, remaining: 22 });
  });
});

describe('the OpenAPI document', () => {
  it('describes every route', async () => {
    const doc = await h.call<{ paths: Record<string, Record<string, unknown>> }>('GET', '/openapi.json', {
      sign: false,
    });
    const routes = Object.entries(doc.json.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'post /v1/platform/tenants',
        'get /v1/platform/tenants',
        'get /v1/platform/tenants/{id}',
        'patch /v1/platform/tenants/{id}',
        'post /v1/platform/tenants/{id}/suspend',
        'post /v1/platform/tenants/{id}/reinstate',
        'post /v1/platform/plans',
        'get /v1/platform/plans',
        'get /v1/platform/plans/{code}',
        'patch /v1/platform/plans/{code}',
        'delete /v1/platform/plans/{code}',
        'post /v1/limits/check',
        'get /v1/tenant',
        'get /v1/tenant/features',
        'get /v1/tenant/features/{feature}',
        'put /v1/tenant/features/{feature}',
        'get /v1/tenant/domains',
        'post /v1/tenant/domains',
        'get /v1/tenant/domains/{id}',
        'post /v1/tenant/domains/{id}/verify',
        'delete /v1/tenant/domains/{id}',
        'get /internal/v1/tenants/resolve',
      ].sort(),
    );
  });
});
