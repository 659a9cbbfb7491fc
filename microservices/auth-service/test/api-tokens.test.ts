import { newId } from '@haat/common';
import type { IntrospectApiTokenResponse } from '@haat/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorJson, gatewaySystem, type Harness, startHarness } from './support/auth-service.harness.js';
import { demoCallers } from './support/demo.fixture.js';

let h: Harness;
const tenant = newId();
let demo: Awaited<ReturnType<typeof demoCallers>>;

beforeAll(async () => {
  h = await startHarness();
  demo = await demoCallers(h, tenant);
});
afterAll(async () => {
  await h?.close();
});

type Created = { id: string; token: string; hint: string; vendorId: string | null; permissions: string[] };

const introspect = (token: string) =>
  h.call<IntrospectApiTokenResponse>('POST', '/internal/v1/auth/api-tokens/introspect', {
    as: gatewaySystem,
    body: { token },
  });

describe('API tokens', () => {
  it('shows the token once, stores only its hash, and the gateway can introspect it', async () => {
    const created = await h.call<Created>('POST', '/v1/auth/api-tokens', {
      as: demo.vendor1Owner.caller,
      body: { name: 'ERP sync', permissions: ['product:update', 'stock:*'] },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.token).toMatch(/^haat_/);
    expect(created.json.vendorId).toBe(demo.vendors[0]);
    const listed = await h.call<{ items: Record<string, unknown>[] }>('GET', '/v1/auth/api-tokens', {
      as: demo.vendor1Owner.caller,
    });
    expect(listed.json.items).toHaveLength(1);
    expect(JSON.stringify(listed.json)).not.toContain(created.json.token);
    const stored = await h.svc.runtime.database.withTenant(tenant, (tx) =>
      tx.execute<{ secret_hash: string }>(`select secret_hash from api_tokens`),
    );
    expect(stored.rows[0]?.secret_hash).toMatch(/^[0-9a-f]{64}$/);

    const seen = await introspect(created.json.token);
    expect(seen.status, seen.text).toBe(200);
    expect(seen.json).toMatchObject({
      active: true,
      tenantId: tenant,
      accountId: demo.vendor1Owner.account.id,
      permissions: ['product:update', 'stock:*'],
      vendors: [demo.vendors[0]],
      roles: ['api_token'],
    });
  });

  it('refuses scopes the creator does not hold and a vendor they do not act for', async () => {
    const wider = await h.call<ErrorJson>('POST', '/v1/auth/api-tokens', {
      as: demo.vendor1Owner.caller,
      body: { name: 'too much', permissions: ['commission-rule:update'] },
    });
    expect(wider.status).toBe(403);
    expect(wider.json.error.code).toBe('AUTH_PERMISSION_NOT_GRANTABLE');
    const other = await h.call<ErrorJson>('POST', '/v1/auth/api-tokens', {
      as: demo.vendor1Owner.caller,
      body: { name: 'other vendor', permissions: ['product:read'], vendorId: demo.vendors[1] },
    });
    expect(other.status).toBe(403);
    expect(other.json.error.code).toBe('AUTH_VENDOR_SCOPE_DENIED');
    const customer = await h.call<ErrorJson>('POST', '/v1/auth/api-tokens', {
      as: demo.customer.caller,
      body: { name: 'mine', permissions: ['order:read'] },
    });
    expect(customer.json.error).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { missing: ['api-token:create'] },
    });
  });

  it('stops working when revoked (announced) and when expired', async () => {
    const created = await h.call<Created>('POST', '/v1/auth/api-tokens', {
      as: demo.owner.caller,
      body: { name: 'reporting', permissions: ['report:read'], expiresInDays: 1 },
    });
    expect((await introspect(created.json.token)).json.active).toBe(true);
    h.clock.advance(86_400_000 + 1);
    expect((await introspect(created.json.token)).json).toEqual({ active: false });
    h.clock.advance(-86_400_000 - 1);

    const revoked = await h.call('DELETE', `/v1/auth/api-tokens/${created.json.id}`, {
      as: demo.owner.caller,
    });
    expect(revoked.status).toBe(204);
    expect((await introspect(created.json.token)).json).toEqual({ active: false });
    expect(await h.events('auth.api-token-revoked.v1', created.json.id)).toHaveLength(1);
  });

  it('answers active: false for malformed, forged and unknown tokens, never an error', async () => {
    const created = await h.call<Created>('POST', '/v1/auth/api-tokens', {
      as: demo.owner.caller,
      body: { name: 'x', permissions: ['report:read'] },
    });
    const forged = `${created.json.token.slice(0, -4)}AAAA`;
    for (const token of ['garbage', 'haat_short', forged, 'eyJhbGciOiJFZERTQSJ9.e30.sig']) {
      const res = await introspect(token);
      expect(res.status, token).toBe(200);
      expect(res.json).toEqual({ active: false });
    }
  });

  it('lets only the platform introspect', async () => {
    const res = await h.call<ErrorJson>('POST', '/internal/v1/auth/api-tokens/introspect', {
      as: demo.owner.caller,
      body: { token: 'haat_x' },
    });
    expect(res.status).toBe(403);
  });
});
