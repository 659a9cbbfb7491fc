import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature } from '../src/modules/features/dto/feature.dto.js';
import type { Tenant } from '../src/modules/tenants/dto/tenant.dto.js';
import {
  type ErrorJson,
  type Harness,
  newTenantBody,
  operator,
  owner,
  staff,
  startHarness,
} from './support/tenant-service.harness.js';

let h: Harness;
let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  h = await startHarness();
  a = (await h.call<Tenant>('POST', '/v1/platform/tenants', { body: newTenantBody() })).json;
  b = (await h.call<Tenant>('POST', '/v1/platform/tenants', { body: newTenantBody() })).json;
});
afterAll(async () => {
  await h?.close();
});

describe('feature toggles', () => {
  it('are off until a tenant owner turns them on', async () => {
    const before = await h.call<Feature>('GET', '/v1/tenant/features/reviews', { as: owner(a.id) });
    expect(before.json).toEqual({ feature: 'reviews', enabled: false, updatedAt: null });
    const set = await h.call<Feature>('PUT', '/v1/tenant/features/reviews', {
      as: owner(a.id),
      body: { enabled: true },
    });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ feature: 'reviews', enabled: true });
    expect(
      (await h.call<Feature>('GET', '/v1/tenant/features/reviews', { as: owner(a.id) })).json.enabled,
    ).toBe(true);
  });

  it('announce tenant.feature-toggled.v1 on each change, and nothing for a repeated PUT', async () => {
    const put = (enabled: boolean) =>
      h.call('PUT', '/v1/tenant/features/checkout.cod', { as: owner(a.id), body: { enabled } });
    await put(true);
    await put(true);
    await put(false);
    const events = await h.outbox('tenant.feature-toggled.v1', a.id);
    expect(events.filter((e) => e.payload.feature === 'checkout.cod').map((e) => e.payload)).toEqual([
      { tenantId: a.id, feature: 'checkout.cod', enabled: true },
      { tenantId: a.id, feature: 'checkout.cod', enabled: false },
    ]);
    expect(events[0]?.tenantId).toBe(a.id);
  });

  it('list in cursor pages by name', async () => {
    for (const f of ['loyalty', 'gift-cards', 'wishlist']) {
      await h.call('PUT', `/v1/tenant/features/${f}`, { as: owner(b.id), body: { enabled: true } });
    }
    const first = await h.call<{ items: Feature[]; nextCursor: string }>(
      'GET',
      '/v1/tenant/features?limit=2',
      {
        as: owner(b.id),
      },
    );
    expect(first.json.items.map((f) => f.feature)).toEqual(['gift-cards', 'loyalty']);
    const rest = await h.call<{ items: Feature[]; nextCursor: null }>(
      'GET',
      `/v1/tenant/features?limit=2&cursor=${first.json.nextCursor}`,
      { as: owner(b.id) },
    );
    expect(rest.json).toMatchObject({ items: [{ feature: 'wishlist' }], nextCursor: null });
  });

  it('of tenant B are invisible and untouchable to tenant A’s staff', async () => {
    await h.call('PUT', '/v1/tenant/features/b-only', { as: owner(b.id), body: { enabled: true } });
    const list = await h.call<{ items: Feature[] }>('GET', '/v1/tenant/features?limit=100', {
      as: owner(a.id),
    });
    expect(list.json.items.map((f) => f.feature)).not.toContain('b-only');
    expect(
      (await h.call<Feature>('GET', '/v1/tenant/features/b-only', { as: owner(a.id) })).json.enabled,
    ).toBe(false);
    await h.call('PUT', '/v1/tenant/features/b-only', { as: owner(a.id), body: { enabled: false } });
    expect(
      (await h.call<Feature>('GET', '/v1/tenant/features/b-only', { as: owner(b.id) })).json.enabled,
    ).toBe(true);
  });

  it('change only with tenant:update: plain staff get 403, an operator on the tenant may', async () => {
    const r = await h.call<ErrorJson>('PUT', '/v1/tenant/features/reviews', {
      as: staff(a.id),
      body: { enabled: false },
    });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('PERMISSION_DENIED');
    const asOperator = await h.call('PUT', '/v1/tenant/features/reviews', {
      as: { ...operator, tenantId: a.id },
      body: { enabled: false },
    });
    expect(asOperator.status).toBe(200);
  });

  it('need a tenant, a well-formed key and a strict body', async () => {
    const tenantless = await h.call<ErrorJson>('GET', '/v1/tenant/features');
    expect(tenantless.status).toBe(403);
    expect(tenantless.json.error.code).toBe('TENANT_REQUIRED');
    const key = await h.call<ErrorJson>('PUT', '/v1/tenant/features/Bad_Key', {
      as: owner(a.id),
      body: { enabled: true },
    });
    expect(key.status).toBe(400);
    expect(key.json.error.details.fields?.[0]?.field).toBe('feature');
    const body = await h.call<ErrorJson>('PUT', '/v1/tenant/features/reviews', {
      as: owner(a.id),
      body: { enabled: 'yes' },
    });
    expect(body.json.error.details.fields?.[0]?.field).toBe('enabled');
    const extra = await h.call('PUT', '/v1/tenant/features/reviews', {
      as: owner(a.id),
      body: { enabled: true, until: 'x' },
    });
    expect(extra.status).toBe(400);
  });
});
