import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { email, login, PASSWORD, registerAndLogin, type SignedInJson } from './support/accounts.fixture.js';
import {
  claimsOf,
  type ErrorJson,
  type Harness,
  startHarness,
  visitor,
} from './support/auth-service.harness.js';

let h: Harness;
const tenantA = newId();
const tenantB = newId();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('registration and password sign-in', () => {
  it('registers a customer, announces it and sends a verification link', async () => {
    const address = email('rahim');
    const res = await h.call<{ id: string; email: string; emailVerified: boolean; grants: unknown[] }>(
      'POST',
      '/v1/auth/register',
      {
        as: visitor(tenantA),
        body: { email: address.toUpperCase(), password: PASSWORD, displayName: 'Rahim' },
      },
    );
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      email: address,
      emailVerified: false,
      grants: [{ role: 'customer', scope: 'tenant' }],
    });
    const registered = await h.events('auth.account-registered.v1', res.json.id);
    expect(registered).toEqual([
      expect.objectContaining({
        tenantId: tenantA,
        payload: expect.objectContaining({ method: 'password' }),
      }),
    ]);
    const [link] = await h.events<{ token: string }>('auth.email-verification-requested.v1', res.json.id);
    expect(link?.payload.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a short or common password naming the field', async () => {
    for (const [password, code] of [
      ['short', 'AUTH_PASSWORD_TOO_SHORT'],
      ['password123', 'AUTH_PASSWORD_TOO_COMMON'],
    ] as const) {
      const res = await h.call<ErrorJson>('POST', '/v1/auth/register', {
        as: visitor(tenantA),
        body: { email: email(), password },
      });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe(code);
      expect(res.json.error.details).toMatchObject({ fields: [{ field: 'password' }] });
    }
  });

  it('refuses a second account with the same email in the same tenant with 409', async () => {
    const address = email();
    await registerAndLogin(h, tenantA, address);
    const again = await h.call<ErrorJson>('POST', '/v1/auth/register', {
      as: visitor(tenantA),
      body: { email: address, password: PASSWORD },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('AUTH_EMAIL_TAKEN');
  });

  it('keeps the same email in two tenants as two accounts, each token carrying its tenant', async () => {
    const address = email('twin');
    const a = await registerAndLogin(h, tenantA, address);
    const b = await registerAndLogin(h, tenantB, address);
    expect(a.account.id).not.toBe(b.account.id);
    expect(claimsOf(a.accessToken)).toMatchObject({
      tenant: tenantA,
      sub: a.account.id,
      session: a.sessionId,
      roles: ['customer'],
    });
    expect(claimsOf(b.accessToken)).toMatchObject({ tenant: tenantB, sub: b.account.id });
    // A's refresh token means nothing on B's host.
    const cross = await h.call<ErrorJson>('POST', '/v1/auth/refresh', {
      as: visitor(tenantB),
      body: { refreshToken: a.refreshToken },
    });
    expect(cross.status).toBe(401);
    expect(cross.json.error.code).toBe('AUTH_REFRESH_TOKEN_INVALID');
  });

  it('issues access tokens with the documented claims, about ten minutes long', async () => {
    const s = await registerAndLogin(h, tenantA);
    const claims = claimsOf(s.accessToken);
    expect(claims).toMatchObject({ iss: 'haat-auth', aud: 'haat-api', amr: ['pwd'], vendors: [] });
    expect(claims.exp - claims.iat).toBe(600);
    expect(claims.permissions).toContain('order:create');
    expect(s.expiresIn).toBe(600);
  });

  it('answers a wrong password and an unknown account alike', async () => {
    const s = await registerAndLogin(h, tenantA);
    const wrong = await login(h, tenantA, s.account.email as string, 'not-the-password-1', {
      ip: '198.51.100.1',
    });
    const unknown = await login(h, tenantA, email('nobody'), 'not-the-password-1', { ip: '198.51.100.1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual({
      ...unknown.json,
      error: { ...(unknown.json as unknown as ErrorJson).error, requestId: expect.any(String) },
    });
    expect((wrong.json as unknown as ErrorJson).error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('takes comparable time for a wrong password and an unknown account', async () => {
    const s = await registerAndLogin(h, tenantA);
    const time = async (identifier: string, ip: string) => {
      const t = performance.now();
      await login(h, tenantA, identifier, 'not-the-password-1', { ip });
      return performance.now() - t;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    await time(email(), '192.0.2.50');
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      wrong.push(await time(s.account.email as string, `192.0.2.${60 + i}`));
      unknown.push(await time(email(), `192.0.2.${70 + i}`));
    }
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('signs in by phone number as typed locally', async () => {
    const address = email();
    const reg = await h.call('POST', '/v1/auth/register', {
      as: visitor(tenantA),
      body: { email: address, password: PASSWORD, phone: `017${String(Date.now()).slice(-8)}` },
    });
    expect(reg.status, reg.text).toBe(201);
    const phone = (reg.json as { phone: string }).phone;
    expect(phone).toMatch(/^\+8801/);
    const res = await login(h, tenantA, `0${phone.slice(4)}`);
    expect(res.status, res.text).toBe(200);
  });

  it('gives the storefront its refresh token in an httpOnly, Secure, SameSite=Strict cookie only', async () => {
    const address = email();
    await registerAndLogin(h, tenantA, address);
    const res = await login(h, tenantA, address, PASSWORD, { body: { client: 'web' } });
    expect(res.status).toBe(200);
    expect((res.json as SignedInJson).refreshToken).toBeUndefined();
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^haat_rt=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/);
    const token = /haat_rt=([^;]+)/.exec(cookie)?.[1] as string;
    const refreshed = await h.call<SignedInJson>('POST', '/v1/auth/refresh', {
      as: visitor(tenantA),
      body: {},
      headers: { cookie: `haat_rt=${token}` },
    });
    expect(refreshed.status, refreshed.text).toBe(200);
    expect(refreshed.headers.get('set-cookie')).toMatch(/^haat_rt=/);
  });

  it('answers malformed and unknown refresh tokens with 401 and a code, never 500', async () => {
    for (const refreshToken of ['x', 'a'.repeat(43), '../../etc/passwd', '🙂'.repeat(20)]) {
      const res = await h.call<ErrorJson>('POST', '/v1/auth/refresh', {
        as: visitor(tenantA),
        body: { refreshToken },
      });
      expect(res.status, refreshToken).toBe(401);
      expect(res.json.error.code).toBe('AUTH_REFRESH_TOKEN_INVALID');
    }
    const none = await h.call<ErrorJson>('POST', '/v1/auth/refresh', { as: visitor(tenantA), body: {} });
    expect(none.json.error.code).toBe('AUTH_REFRESH_TOKEN_MISSING');
  });

  it('refuses registration and login without a tenant', async () => {
    const res = await h.call<ErrorJson>('POST', '/v1/auth/login', {
      as: visitor(null),
      body: { identifier: email(), password: PASSWORD },
    });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('TENANT_REQUIRED');
  });
});
