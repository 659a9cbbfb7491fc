import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, seedDemoTenant } from '../src/modules/tenants/demo-tenant.seed.js';
import type { Tenant } from '../src/modules/tenants/dto/tenant.dto.js';
import {
  type ErrorJson,
  type Harness,
  newTenantBody,
  owner,
  startHarness,
  uniqueSlug,
} from './support/tenant-service.harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function createTenant(overrides: Record<string, unknown> = {}): Promise<Tenant> {
  const r = await h.call<Tenant>('POST', '/v1/platform/tenants', { body: newTenantBody(overrides) });
  expect(r.status, r.text).toBe(201);
  return r.json;
}

describe('creating a tenant', () => {
  it('answers 201 with the tenant, active, on the free plan by default', async () => {
    const slug = uniqueSlug();
    const r = await h.call<Tenant>('POST', '/v1/platform/tenants', {
      body: {
        name: 'Chittagong Crafts',
        slug,
        defaultCurrency: 'BDT',
        defaultLocale: 'bn',
        locales: ['bn', 'en'],
      },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      slug,
      name: 'Chittagong Crafts',
      status: 'active',
      planCode: 'free',
      defaultCurrency: 'BDT',
      defaultLocale: 'bn',
      locales: ['bn', 'en'],
      suspensionReason: null,
    });
    expect((await h.call('GET', `/v1/platform/tenants/${r.json.id}`)).json).toEqual(r.json);
  });

  it('writes tenant.created.v1 and the subdomain’s tenant.domain-added.v1 to the outbox', async () => {
    const t = await createTenant();
    const created = await h.outbox('tenant.created.v1', t.id);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      tenantId: t.id,
      payload: { tenantId: t.id, slug: t.slug, planCode: 'free', status: 'active', defaultCurrency: 'BDT' },
    });
    const domain = await h.outbox('tenant.domain-added.v1', t.id);
    expect(domain[0]?.payload).toMatchObject({ hostname: `${t.slug}.localhost`, kind: 'subdomain' });
  });

  it('refuses a bad slug with 400 naming slug', async () => {
    for (const slug of ['ab', 'Has-Caps', 'under_score', '-edge', 'x'.repeat(41)]) {
      const r = await h.call<ErrorJson>('POST', '/v1/platform/tenants', { body: newTenantBody({ slug }) });
      expect(r.status, slug).toBe(400);
      expect(r.json.error.code).toBe('VALIDATION_FAILED');
      expect(r.json.error.details.fields?.[0]?.field).toBe('slug');
    }
  });

  it('refuses reserved slugs with 400', async () => {
    for (const slug of ['www', 'api', 'admin', 'app', 'mail', 'static']) {
      const r = await h.call<ErrorJson>('POST', '/v1/platform/tenants', { body: newTenantBody({ slug }) });
      expect(r.status, slug).toBe(400);
      expect(r.json.error.details.fields).toEqual([
        expect.objectContaining({ field: 'slug', message: 'is reserved by the platform' }),
      ]);
    }
  });

  it('refuses unknown fields, an unknown currency, a bad locale and an unknown plan, naming each', async () => {
    const unknown = await h.call<ErrorJson>('POST', '/v1/platform/tenants', {
      body: newTenantBody({ ownerEmail: 'x@example.com' }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details.fields?.[0]?.message).toContain('ownerEmail');
    const cases: [Record<string, unknown>, string][] = [
      [{ defaultCurrency: 'XYZ' }, 'defaultCurrency'],
      [{ defaultLocale: 'not a locale!' }, 'defaultLocale'],
      [{ defaultLocale: 'bn', locales: ['en'] }, 'locales'],
      [{ planCode: 'platinum' }, 'planCode'],
      [{ name: '' }, 'name'],
    ];
    for (const [overrides, field] of cases) {
      const r = await h.call<ErrorJson>('POST', '/v1/platform/tenants', { body: newTenantBody(overrides) });
      expect(r.status, field).toBe(400);
      expect(r.json.error.details.fields?.map((f) => f.field)).toContain(field);
    }
  });

  it('answers 409 TENANT_SLUG_TAKEN for a slug in use', async () => {
    const t = await createTenant();
    const r = await h.call<ErrorJson>('POST', '/v1/platform/tenants', {
      body: newTenantBody({ slug: t.slug }),
    });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('TENANT_SLUG_TAKEN');
  });

  it('creates exactly one tenant when 20 requests race for one slug; the rest get 409, never 500', async () => {
    const slug = uniqueSlug('race');
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        h.call<ErrorJson>('POST', '/v1/platform/tenants', { body: newTenantBody({ slug }) }),
      ),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const list = await h.call<{ items: Tenant[] }>('GET', '/v1/platform/tenants?limit=100');
    expect(list.json.items.filter((t) => t.slug === slug)).toHaveLength(1);
  });
});

describe("a tenant's shop profile", () => {
  it('shows any visitor of the host its name, currency and languages, and nothing of another tenant', async () => {
    const a = await createTenant({ name: 'Shop A' });
    const b = await createTenant({ name: 'Shop B' });
    const anonymous = { tenantId: a.id, userId: null, roles: [], permissions: [] };
    const r = await h.call<Record<string, unknown>>('GET', '/v1/tenant', { as: anonymous });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual({
      id: a.id,
      slug: a.slug,
      name: 'Shop A',
      defaultCurrency: a.defaultCurrency,
      defaultLocale: a.defaultLocale,
      locales: a.locales,
    });
    const other = await h.call<Record<string, unknown>>('GET', '/v1/tenant', {
      as: { ...anonymous, tenantId: b.id },
    });
    expect(other.json.name).toBe('Shop B');
  });

  it('needs a tenant: a platform-scope call is refused with 403', async () => {
    const r = await h.call<ErrorJson>('GET', '/v1/tenant', {
      as: { tenantId: null, userId: null, roles: [], permissions: [] },
    });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('TENANT_REQUIRED');
  });
});

describe('reading tenants', () => {
  it('answers 404 TENANT_NOT_FOUND for an unknown id and 400 naming id for a malformed one', async () => {
    const missing = await h.call<ErrorJson>('GET', `/v1/platform/tenants/${newId()}`);
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('TENANT_NOT_FOUND');
    const malformed = await h.call<ErrorJson>('GET', '/v1/platform/tenants/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.details.fields?.[0]?.field).toBe('id');
  });

  it('lists newest first in cursor pages, and filters by status', async () => {
    const a = await createTenant();
    const b = await createTenant();
    const c = await createTenant();
    await h.call('POST', `/v1/platform/tenants/${b.id}/suspend`, { body: { reason: 'unpaid invoices' } });

    const first = await h.call<{ items: Tenant[]; nextCursor: string | null }>(
      'GET',
      '/v1/platform/tenants?limit=2',
    );
    expect(first.json.items.map((t) => t.id)).toEqual([c.id, b.id]);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await h.call<{ items: Tenant[] }>(
      'GET',
      `/v1/platform/tenants?limit=2&cursor=${first.json.nextCursor}`,
    );
    expect(second.json.items[0]?.id).toBe(a.id);

    const suspended = await h.call<{ items: Tenant[] }>(
      'GET',
      '/v1/platform/tenants?status=suspended&limit=100',
    );
    expect(suspended.json.items.map((t) => t.id)).toContain(b.id);
    expect(suspended.json.items.every((t) => t.status === 'suspended')).toBe(true);
  });

  it('refuses a forged cursor, an unknown status and unknown query parameters with 400', async () => {
    expect((await h.call('GET', '/v1/platform/tenants?cursor=bm90LWpzb24')).status).toBe(400);
    const status = await h.call<ErrorJson>('GET', '/v1/platform/tenants?status=deleted');
    expect(status.json.error.details.fields?.[0]?.field).toBe('status');
    expect((await h.call('GET', '/v1/platform/tenants?sort=name')).status).toBe(400);
  });
});

describe('updating a tenant', () => {
  it('changes name, currency and languages, announcing the changed fields', async () => {
    const t = await createTenant();
    const r = await h.call<Tenant>('PATCH', `/v1/platform/tenants/${t.id}`, {
      body: { name: 'Sylhet Tea House', defaultCurrency: 'USD', locales: ['en', 'bn'] },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ name: 'Sylhet Tea House', defaultCurrency: 'USD', locales: ['en', 'bn'] });
    const [event] = await h.outbox('tenant.updated.v1', t.id);
    expect(event?.payload).toMatchObject({
      name: 'Sylhet Tea House',
      defaultCurrency: 'USD',
      changed: ['name', 'defaultCurrency', 'locales'],
    });
    expect(await h.outbox('tenant.plan-changed.v1', t.id)).toHaveLength(0);
  });

  it('moves a tenant to another plan with tenant.plan-changed.v1 carrying the new limits', async () => {
    const t = await createTenant();
    const r = await h.call<Tenant>('PATCH', `/v1/platform/tenants/${t.id}`, {
      body: { planCode: 'enterprise' },
    });
    expect(r.json.planCode).toBe('enterprise');
    const [event] = await h.outbox('tenant.plan-changed.v1', t.id);
    expect(event?.payload).toEqual({
      tenantId: t.id,
      fromPlan: 'free',
      toPlan: 'enterprise',
      limits: { products: null, vendors: null, staff: null, ordersPerMonth: null },
    });
  });

  it('announces nothing when nothing changes', async () => {
    const t = await createTenant();
    const r = await h.call<Tenant>('PATCH', `/v1/platform/tenants/${t.id}`, { body: { name: t.name } });
    expect(r.status).toBe(200);
    expect(await h.outbox('tenant.updated.v1', t.id)).toHaveLength(0);
  });

  it('refuses a default locale the tenant does not offer, an empty patch, the slug and an unknown plan', async () => {
    const t = await createTenant();
    const locale = await h.call<ErrorJson>('PATCH', `/v1/platform/tenants/${t.id}`, {
      body: { defaultLocale: 'bn' },
    });
    expect(locale.status).toBe(400);
    expect(locale.json.error.details.fields?.[0]?.field).toBe('defaultLocale');
    expect((await h.call('PATCH', `/v1/platform/tenants/${t.id}`, { body: {} })).status).toBe(400);
    const slug = await h.call<ErrorJson>('PATCH', `/v1/platform/tenants/${t.id}`, {
      body: { slug: 'renamed' },
    });
    expect(slug.status).toBe(400);
    expect(slug.json.error.details.fields?.[0]?.message).toContain('slug');
    const plan = await h.call<ErrorJson>('PATCH', `/v1/platform/tenants/${t.id}`, {
      body: { planCode: 'nope' },
    });
    expect(plan.status).toBe(400);
    expect(plan.json.error.code).toBe('TENANT_PLAN_UNKNOWN');
    expect((await h.call('PATCH', `/v1/platform/tenants/${newId()}`, { body: { name: 'x' } })).status).toBe(
      404,
    );
  });
});

describe('suspending and reinstating', () => {
  it('suspends with a reason, then reinstates, each announced once', async () => {
    const t = await createTenant();
    const suspended = await h.call<Tenant>('POST', `/v1/platform/tenants/${t.id}/suspend`, {
      body: { reason: 'chargeback fraud' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.json).toMatchObject({ status: 'suspended', suspensionReason: 'chargeback fraud' });
    expect(suspended.json.suspendedAt).toEqual(expect.any(String));
    expect((await h.outbox('tenant.suspended.v1', t.id))[0]?.payload).toEqual({
      tenantId: t.id,
      reason: 'chargeback fraud',
    });

    const again = await h.call<ErrorJson>('POST', `/v1/platform/tenants/${t.id}/suspend`, {
      body: { reason: 'again' },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('TENANT_ALREADY_SUSPENDED');

    const reinstated = await h.call<Tenant>('POST', `/v1/platform/tenants/${t.id}/reinstate`);
    expect(reinstated.json).toMatchObject({ status: 'active', suspensionReason: null, suspendedAt: null });
    expect(await h.outbox('tenant.reinstated.v1', t.id)).toHaveLength(1);
    expect(await h.outbox('tenant.suspended.v1', t.id)).toHaveLength(1);

    const notSuspended = await h.call<ErrorJson>('POST', `/v1/platform/tenants/${t.id}/reinstate`);
    expect(notSuspended.status).toBe(409);
    expect(notSuspended.json.error.code).toBe('TENANT_NOT_SUSPENDED');
  });

  it('needs a reason, and answers 404 for an unknown tenant', async () => {
    const t = await createTenant();
    const r = await h.call<ErrorJson>('POST', `/v1/platform/tenants/${t.id}/suspend`, { body: {} });
    expect(r.status).toBe(400);
    expect(r.json.error.details.fields?.[0]?.field).toBe('reason');
    expect(
      (await h.call('POST', `/v1/platform/tenants/${newId()}/suspend`, { body: { reason: 'x-y-z' } })).status,
    ).toBe(404);
    expect((await h.call('POST', `/v1/platform/tenants/${newId()}/reinstate`)).status).toBe(404);
  });
});

describe('who may manage tenants', () => {
  it('refuses a tenant owner (tenant:update is not tenant:manage) with 403 PERMISSION_DENIED', async () => {
    const t = await createTenant();
    for (const [method, path, body] of [
      ['GET', '/v1/platform/tenants', undefined],
      ['GET', `/v1/platform/tenants/${t.id}`, undefined],
      ['POST', '/v1/platform/tenants', newTenantBody()],
      ['PATCH', `/v1/platform/tenants/${t.id}`, { name: 'Mine now' }],
      ['POST', `/v1/platform/tenants/${t.id}/suspend`, { reason: 'rival' }],
    ] as const) {
      const r = await h.call<ErrorJson>(method, path, { as: owner(t.id), body });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.json.error.code).toBe('PERMISSION_DENIED');
    }
    expect((await h.call<Tenant>('GET', `/v1/platform/tenants/${t.id}`)).json.name).toBe(t.name);
  });

  it('lets a caller holding tenant:* in', async () => {
    const r = await h.call('GET', '/v1/platform/tenants', {
      as: { tenantId: null, userId: 'ops-2', roles: [], permissions: ['tenant:*'] },
    });
    expect(r.status).toBe(200);
  });

  it('refuses an unsigned request with 401', async () => {
    const r = await h.call<ErrorJson>('GET', '/v1/platform/tenants', { sign: false });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('INTERNAL_SIGNATURE_MISSING');
  });
});

describe('the demo tenant', () => {
  it('is seeded once with its fixed id, however often and concurrently the seed runs', async () => {
    const seeded = await Promise.all([
      seedDemoTenant(h.svc.app),
      seedDemoTenant(h.svc.app),
      seedDemoTenant(h.svc.app),
    ]);
    expect(new Set(seeded.map((t) => t.id))).toEqual(new Set([DEMO_TENANT_ID]));
    expect(seeded[0]).toMatchObject({
      slug: 'demo',
      name: 'Haat Demo Bazaar',
      planCode: 'growth',
      defaultCurrency: 'BDT',
      defaultLocale: 'en',
      locales: ['en', 'bn'],
    });
    expect((await seedDemoTenant(h.svc.app)).id).toBe(DEMO_TENANT_ID);
    expect(await h.outbox('tenant.created.v1', DEMO_TENANT_ID)).toHaveLength(1);
  });
});
