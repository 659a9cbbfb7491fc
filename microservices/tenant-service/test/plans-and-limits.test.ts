import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/modules/plans/dto/plan.dto.js';
import type { Tenant } from '../src/modules/tenants/dto/tenant.dto.js';
import {
  type ErrorJson,
  type Harness,
  newTenantBody,
  owner,
  serviceFor,
  startHarness,
} from './support/tenant-service.harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const uniqueCode = () => `plan-${newId().slice(-10)}`;
const planBody = (code = uniqueCode()) => ({
  code,
  name: 'Festival',
  limits: { products: 10, vendors: 2, staff: null, ordersPerMonth: 0 },
  rateLimits: { tenantRequestsPerMinute: 120 },
});

describe('plans', () => {
  it('start with free, growth and enterprise seeded by a migration', async () => {
    const r = await h.call<{ items: Plan[] }>('GET', '/v1/platform/plans?limit=100');
    expect(r.status).toBe(200);
    const byCode = Object.fromEntries(r.json.items.map((p) => [p.code, p]));
    expect(byCode.free?.limits).toEqual({ products: 50, vendors: 3, staff: 2, ordersPerMonth: 100 });
    expect(byCode.growth?.rateLimits).toEqual({ tenantRequestsPerMinute: 3000 });
    expect(byCode.enterprise?.limits).toEqual({
      products: null,
      vendors: null,
      staff: null,
      ordersPerMonth: null,
    });
  });

  it('are created, read, changed and deleted by an operator', async () => {
    const body = planBody();
    const created = await h.call<Plan>('POST', '/v1/platform/plans', { body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ code: body.code, limits: body.limits, rateLimits: body.rateLimits });
    expect((await h.call<Plan>('GET', `/v1/platform/plans/${body.code}`)).json).toEqual(created.json);

    const changed = await h.call<Plan>('PATCH', `/v1/platform/plans/${body.code}`, {
      body: { limits: { staff: 5 }, rateLimits: { tenantRequestsPerMinute: 240 } },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.limits).toEqual({ products: 10, vendors: 2, staff: 5, ordersPerMonth: 0 });
    expect(changed.json.rateLimits.tenantRequestsPerMinute).toBe(240);

    expect((await h.call('DELETE', `/v1/platform/plans/${body.code}`)).status).toBe(204);
    expect((await h.call('GET', `/v1/platform/plans/${body.code}`)).status).toBe(404);
  });

  it('list in cursor pages by code', async () => {
    const first = await h.call<{ items: Plan[]; nextCursor: string }>('GET', '/v1/platform/plans?limit=1');
    const second = await h.call<{ items: Plan[] }>(
      'GET',
      `/v1/platform/plans?limit=1&cursor=${first.json.nextCursor}`,
    );
    expect(first.json.items[0]?.code).toBe('enterprise');
    expect(second.json.items[0]?.code).toBe('free');
  });

  it('refuse a duplicate code with 409, a plan in use with 409, unknown codes with 404', async () => {
    const dup = await h.call<ErrorJson>('POST', '/v1/platform/plans', { body: planBody('growth') });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe('PLAN_CODE_TAKEN');
    expect(
      (await h.call('POST', '/v1/platform/tenants', { body: newTenantBody({ planCode: 'free' }) })).status,
    ).toBe(201);
    const inUse = await h.call<ErrorJson>('DELETE', '/v1/platform/plans/free');
    expect(inUse.status).toBe(409);
    expect(inUse.json.error.code).toBe('PLAN_IN_USE');
    expect((await h.call('GET', '/v1/platform/plans/free')).status).toBe(200);
    const missing = await h.call<ErrorJson>('PATCH', '/v1/platform/plans/no-such-plan', {
      body: { name: 'x' },
    });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('PLAN_NOT_FOUND');
    expect((await h.call('DELETE', '/v1/platform/plans/no-such-plan')).status).toBe(404);
  });

  it('refuse bad input with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ ...planBody(), code: 'Bad Code' }, 'code'],
      [
        { ...planBody(), limits: { products: -1, vendors: 1, staff: 1, ordersPerMonth: 1 } },
        'limits.products',
      ],
      [{ ...planBody(), limits: { products: 1, vendors: 1, staff: 1 } }, 'limits.ordersPerMonth'],
      [{ ...planBody(), rateLimits: { tenantRequestsPerMinute: 0 } }, 'rateLimits.tenantRequestsPerMinute'],
    ];
    for (const [body, field] of cases) {
      const r = await h.call<ErrorJson>('POST', '/v1/platform/plans', { body });
      expect(r.status, field).toBe(400);
      expect(r.json.error.details.fields?.map((f) => f.field)).toContain(field);
    }
    const extra = await h.call<ErrorJson>('POST', '/v1/platform/plans', {
      body: { ...planBody(), price: 10 },
    });
    expect(extra.status).toBe(400);
    expect(extra.json.error.details.fields?.[0]?.message).toContain('price');
  });

  it('are an operator’s business only: a tenant owner gets 403', async () => {
    const tenantId = newId();
    expect((await h.call('GET', '/v1/platform/plans', { as: owner(tenantId) })).status).toBe(403);
    expect(
      (await h.call('POST', '/v1/platform/plans', { as: owner(tenantId), body: planBody() })).status,
    ).toBe(403);
  });
});

describe('the limit check', () => {
  async function tenantOnPlan(planCode: string): Promise<Tenant> {
    const r = await h.call<Tenant>('POST', '/v1/platform/tenants', { body: newTenantBody({ planCode }) });
    expect(r.status, r.text).toBe(201);
    return r.json;
  }

  it('allows within the plan and says how many remain', async () => {
    const t = await tenantOnPlan('free');
    const r = await h.call('POST', '/v1/limits/check', {
      as: serviceFor(t.id),
      body: { resource: 'products', current: 45, adding: 5 },
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ allowed: true, limit: 50, remaining: 5 });
  });

  it('answers 200 allowed:false past the limit, so the caller decides', async () => {
    const t = await tenantOnPlan('free');
    const r = await h.call('POST', '/v1/limits/check', {
      as: serviceFor(t.id),
      body: { resource: 'staff', current: 2, adding: 1 },
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ allowed: false, limit: 2, remaining: 0 });
  });

  it('follows a plan change and reports unlimited as null', async () => {
    const t = await tenantOnPlan('free');
    await h.call('PATCH', `/v1/platform/tenants/${t.id}`, { body: { planCode: 'enterprise' } });
    const r = await h.call('POST', '/v1/limits/check', {
      as: serviceFor(t.id),
      body: { resource: 'ordersPerMonth', current: 1_000_000, adding: 1 },
    });
    expect(r.json).toEqual({ allowed: true, limit: null, remaining: null });
  });

  it('answers for the signed tenant only: 403 without one, 404 for a tenant the directory does not know', async () => {
    const body = { resource: 'vendors', current: 0, adding: 1 };
    const tenantless = await h.call<ErrorJson>('POST', '/v1/limits/check', { body });
    expect(tenantless.status).toBe(403);
    expect(tenantless.json.error.code).toBe('TENANT_REQUIRED');
    const unknown = await h.call<ErrorJson>('POST', '/v1/limits/check', { as: serviceFor(newId()), body });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('TENANT_NOT_FOUND');
  });

  it('refuses an unknown resource, negative counts and extra fields with 400', async () => {
    const t = await tenantOnPlan('growth');
    const cases: [unknown, string][] = [
      [{ resource: 'warehouses', current: 0, adding: 1 }, 'resource'],
      [{ resource: 'products', current: -1, adding: 1 }, 'current'],
      [{ resource: 'products', current: 0, adding: 0 }, 'adding'],
      [{ resource: 'products', current: 0.5, adding: 1 }, 'current'],
    ];
    for (const [body, field] of cases) {
      const r = await h.call<ErrorJson>('POST', '/v1/limits/check', { as: serviceFor(t.id), body });
      expect(r.status, field).toBe(400);
      expect(r.json.error.details.fields?.[0]?.field).toBe(field);
    }
    const extra = await h.call('POST', '/v1/limits/check', {
      as: serviceFor(t.id),
      body: { resource: 'products', current: 0, adding: 1, tenantId: newId() },
    });
    expect(extra.status).toBe(400);
  });
});
