import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInJson } from './support/accounts.fixture.js';
import {
  claimsOf,
  type ErrorJson,
  type Harness,
  startHarness,
  visitor,
} from './support/auth-service.harness.js';
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

type AccountPage = { items: { id: string; email: string; grants: { role: string; scope: string }[] }[] };

describe('permissions in tokens', () => {
  it('gives each built-in role its permissions and vendor staff their vendor', () => {
    const [v1] = demo.vendors;
    expect(claimsOf(demo.owner.accessToken)).toMatchObject({ roles: ['tenant_owner'], vendors: [] });
    expect(claimsOf(demo.owner.accessToken).permissions).toContain('role:*');
    expect(claimsOf(demo.vendor1Owner.accessToken)).toMatchObject({ roles: ['vendor_owner'], vendors: [v1] });
    expect(claimsOf(demo.vendor1Staff.accessToken).permissions).toContain('product:update');
    expect(claimsOf(demo.vendor1Staff.accessToken).permissions).not.toContain('vendor-staff:*');
  });

  it('answers a missing permission with 403 PERMISSION_DENIED naming it', async () => {
    const res = await h.call<ErrorJson>('GET', '/v1/auth/admin/roles', { as: demo.customer.caller });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({ code: 'PERMISSION_DENIED', details: { missing: ['role:read'] } });
    const anonymous = await h.call<ErrorJson>('GET', '/v1/auth/admin/roles', { as: visitor(tenant) });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe('AUTH_REQUIRED');
  });
});

describe('custom roles', () => {
  it('lets the owner create a role from permissions they hold, grant it, and the next token carries it', async () => {
    const created = await h.call('POST', '/v1/auth/admin/roles', {
      as: demo.owner.caller,
      body: { key: 'packer', name: 'Packer', permissions: ['shipment:update', 'order:read'] },
    });
    expect(created.status, created.text).toBe(201);
    const roles = await h.call<{ items: { key: string; builtIn: boolean }[] }>(
      'GET',
      '/v1/auth/admin/roles',
      { as: demo.owner.caller },
    );
    expect(roles.json.items).toContainEqual(expect.objectContaining({ key: 'packer', builtIn: false }));
    expect(roles.json.items.map((r) => r.key)).not.toContain('operator');

    const granted = await h.call('PUT', `/v1/auth/admin/accounts/${demo.customer.account.id}/grants`, {
      as: demo.owner.caller,
      body: { role: 'packer' },
    });
    expect(granted.status, granted.text).toBe(200);
    const refreshed = await h.call<SignedInJson>('POST', '/v1/auth/refresh', {
      as: visitor(tenant),
      body: { refreshToken: demo.customer.refreshToken },
    });
    const claims = claimsOf(refreshed.json.accessToken);
    expect(claims.roles).toEqual(expect.arrayContaining(['customer', 'packer']));
    expect(claims.permissions).toContain('shipment:update');
    expect(await h.events('auth.account-roles-changed.v1', demo.customer.account.id)).toHaveLength(1);

    const inUse = await h.call<ErrorJson>('DELETE', '/v1/auth/admin/roles/packer', { as: demo.owner.caller });
    expect(inUse.status).toBe(409);
    expect(inUse.json.error.code).toBe('AUTH_ROLE_IN_USE');
  });

  it('refuses a role with a permission the creator does not hold, and a built-in name', async () => {
    const escalate = await h.call<ErrorJson>('POST', '/v1/auth/admin/roles', {
      as: demo.owner.caller,
      body: { key: 'platform-admin', name: 'x', permissions: ['plan:update'] },
    });
    expect(escalate.status).toBe(403);
    expect(escalate.json.error).toMatchObject({
      code: 'AUTH_PERMISSION_NOT_GRANTABLE',
      details: { missing: ['plan:update'] },
    });
    const reserved = await h.call<ErrorJson>('POST', '/v1/auth/admin/roles', {
      as: demo.owner.caller,
      body: { key: 'customer', name: 'x', permissions: ['order:read'] },
    });
    expect(reserved.json.error.code).toBe('AUTH_ROLE_RESERVED');
  });

  it('never grants operator, and keeps custom roles per tenant', async () => {
    const op = await h.call<ErrorJson>('PUT', `/v1/auth/admin/accounts/${demo.customer.account.id}/grants`, {
      as: demo.owner.caller,
      body: { role: 'operator' },
    });
    expect(op.status).toBe(403);
    expect(op.json.error.code).toBe('AUTH_ROLE_NOT_GRANTABLE');
    const other = newId();
    const otherOwner = { ...demo.owner.caller, tenantId: other };
    const roles = await h.call<{ items: { key: string }[] }>('GET', '/v1/auth/admin/roles', {
      as: otherOwner,
    });
    expect(roles.json.items.map((r) => r.key)).not.toContain('packer');
  });
});

describe('vendor staff', () => {
  it('lets a vendor owner list and add staff of their own vendor', async () => {
    const [v1] = demo.vendors;
    const list = await h.call<AccountPage>('GET', `/v1/auth/vendors/${v1}/staff`, {
      as: demo.vendor1Owner.caller,
    });
    expect(list.status, list.text).toBe(200);
    expect(list.json.items.map((a) => a.id)).toEqual(
      expect.arrayContaining([demo.ids.vendor1Owner, demo.ids.vendor1Staff]),
    );
    expect(list.json.items.map((a) => a.id)).not.toContain(demo.ids.vendor2Staff);

    const address = `packer.${newId().slice(-8)}@example.com`;
    const added = await h.call<{ id: string; grants: { role: string; scope: string }[] }>(
      'POST',
      `/v1/auth/vendors/${v1}/staff`,
      {
        as: demo.vendor1Owner.caller,
        body: { email: address },
      },
    );
    expect(added.status, added.text).toBe(201);
    expect(added.json.grants).toEqual([{ role: 'vendor_staff', scope: `vendor:${v1}` }]);
    const [invite] = await h.events<{ token: string; reason: string }>(
      'auth.password-reset-requested.v1',
      added.json.id,
    );
    expect(invite?.payload.reason).toBe('invitation');
    const set = await h.call('POST', '/v1/auth/password/reset', {
      as: visitor(tenant),
      body: { token: invite?.payload.token, newPassword: 'jackfruit-harbour-31' },
    });
    expect(set.status, set.text).toBe(204);
    const signedIn = await h.call<SignedInJson>('POST', '/v1/auth/login', {
      as: visitor(tenant),
      body: { identifier: address, password: 'jackfruit-harbour-31' },
    });
    expect(claimsOf(signedIn.json.accessToken).vendors).toEqual([v1]);
  });

  it('stops a vendor’s owner from touching another vendor’s staff', async () => {
    const [, v2] = demo.vendors;
    const as = demo.vendor1Owner.caller;
    const list = await h.call<ErrorJson>('GET', `/v1/auth/vendors/${v2}/staff`, { as });
    expect(list.status).toBe(403);
    expect(list.json.error.code).toBe('AUTH_VENDOR_SCOPE_DENIED');
    const add = await h.call<ErrorJson>('POST', `/v1/auth/vendors/${v2}/staff`, {
      as,
      body: { email: `spy.${newId().slice(-6)}@example.com` },
    });
    expect(add.json.error.code).toBe('AUTH_VENDOR_SCOPE_DENIED');
    const remove = await h.call<ErrorJson>(
      'DELETE',
      `/v1/auth/vendors/${v2}/staff/${demo.ids.vendor2Staff}`,
      { as },
    );
    expect(remove.json.error.code).toBe('AUTH_VENDOR_SCOPE_DENIED');
    const still = await h.call<AccountPage>('GET', `/v1/auth/vendors/${v2}/staff`, {
      as: demo.vendor2Owner.caller,
    });
    expect(still.json.items.map((a) => a.id)).toContain(demo.ids.vendor2Staff);
  });

  it('stops vendor staff from managing staff at all', async () => {
    const [v1] = demo.vendors;
    const res = await h.call<ErrorJson>('POST', `/v1/auth/vendors/${v1}/staff`, {
      as: demo.vendor1Staff.caller,
      body: { email: `x.${newId().slice(-6)}@example.com` },
    });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { missing: ['vendor-staff:create'] },
    });
  });

  it('lets a vendor owner remove their staff, but not appoint owners', async () => {
    const [v1] = demo.vendors;
    const owner = await h.call<ErrorJson>('POST', `/v1/auth/vendors/${v1}/staff`, {
      as: demo.vendor1Owner.caller,
      body: { email: `boss.${newId().slice(-6)}@example.com`, role: 'vendor_owner' },
    });
    expect(owner.json.error.code).toBe('AUTH_ROLE_NOT_GRANTABLE');
    const removed = await h.call('DELETE', `/v1/auth/vendors/${v1}/staff/${demo.ids.vendor1Staff}`, {
      as: demo.vendor1Owner.caller,
    });
    expect(removed.status).toBe(204);
    const list = await h.call<AccountPage>('GET', `/v1/auth/vendors/${v1}/staff`, {
      as: demo.vendor1Owner.caller,
    });
    expect(list.json.items.map((a) => a.id)).not.toContain(demo.ids.vendor1Staff);
  });
});
