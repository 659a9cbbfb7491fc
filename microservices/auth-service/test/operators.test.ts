import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../src/modules/demo/demo-accounts.js';
import { seedAuthDemo } from '../src/modules/demo/seed-auth-demo.js';
import type { SignedInJson } from './support/accounts.fixture.js';
import {
  callerOf,
  claimsOf,
  type ErrorJson,
  type Harness,
  startHarness,
  visitor,
} from './support/auth-service.harness.js';

let h: Harness;
const tenant = newId();

beforeAll(async () => {
  h = await startHarness();
  await seedAuthDemo(h.svc.app, { tenantId: tenant });
});
afterAll(async () => {
  await h?.close();
});

const operatorLogin = () =>
  h.call<SignedInJson & ErrorJson>('POST', '/v1/operator-auth/login', {
    as: visitor(null),
    body: { identifier: DEMO_EMAILS.operator, password: DEMO_PASSWORD },
  });

describe('operators and the demo data', () => {
  it('signs the operator in on the platform, with a token for no tenant', async () => {
    const res = await operatorLogin();
    expect(res.status, res.text).toBe(200);
    expect(claimsOf(res.json.accessToken)).toMatchObject({
      tenant: null,
      roles: ['operator'],
      permissions: ['*'],
    });
    const me = await h.call<{ email: string }>('GET', '/v1/operator-auth/me', {
      as: callerOf(res.json.accessToken),
    });
    expect(me.json.email).toBe(DEMO_EMAILS.operator);
    const refreshed = await h.call('POST', '/v1/operator-auth/refresh', {
      as: visitor(null),
      body: { refreshToken: res.json.refreshToken },
    });
    expect(refreshed.status).toBe(200);
  });

  it('keeps operators out of tenant sign-in and tenant accounts out of operator sign-in', async () => {
    const onTenant = await h.call<ErrorJson>('POST', '/v1/auth/login', {
      as: visitor(tenant),
      body: { identifier: DEMO_EMAILS.operator, password: DEMO_PASSWORD },
    });
    expect(onTenant.status).toBe(401);
    const ownerOnPlatform = await h.call<ErrorJson>('POST', '/v1/operator-auth/login', {
      as: visitor(null),
      body: { identifier: DEMO_EMAILS.tenantOwner, password: DEMO_PASSWORD },
    });
    expect(ownerOnPlatform.status).toBe(401);
  });

  it('seeds every demo account once, however often it runs', async () => {
    const again = await seedAuthDemo(h.svc.app, { tenantId: tenant });
    const third = await seedAuthDemo(h.svc.app, { tenantId: tenant });
    expect(third).toEqual(again);
    for (const who of [
      'tenantOwner',
      'vendor1Owner',
      'vendor1Staff',
      'vendor2Owner',
      'vendor2Staff',
      'customer',
    ] as const) {
      const res = await h.call('POST', '/v1/auth/login', {
        as: visitor(tenant),
        body: { identifier: DEMO_EMAILS[who], password: DEMO_PASSWORD },
      });
      expect(res.status, who).toBe(200);
    }
  });

  it('lets an operator appoint a new tenant’s owner, who is invited to set a password', async () => {
    const op = callerOf((await operatorLogin()).json.accessToken);
    const newTenant = newId();
    const address = `founder.${newId().slice(-8)}@example.com`;
    const res = await h.call<{ id: string; grants: unknown[] }>(
      'POST',
      `/v1/operator-auth/tenants/${newTenant}/owners`,
      {
        as: op,
        body: { email: address, displayName: 'Founder' },
      },
    );
    expect(res.status, res.text).toBe(201);
    expect(res.json.grants).toEqual([{ role: 'tenant_owner', scope: 'tenant' }]);
    const [invite] = await h.events<{ token: string; reason: string }>(
      'auth.password-reset-requested.v1',
      res.json.id,
    );
    expect(invite).toMatchObject({ tenantId: newTenant, payload: { reason: 'invitation' } });
    const customer = callerOf(
      (
        await h.call<SignedInJson>('POST', '/v1/auth/login', {
          as: visitor(tenant),
          body: { identifier: DEMO_EMAILS.customer, password: DEMO_PASSWORD },
        })
      ).json.accessToken,
    );
    const denied = await h.call<ErrorJson>('POST', `/v1/operator-auth/tenants/${newTenant}/owners`, {
      as: { ...customer, tenantId: null },
      body: { email: address },
    });
    expect(denied.status).toBe(403);
  });
});
