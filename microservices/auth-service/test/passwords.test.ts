import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { email, login, PASSWORD, registerAndLogin } from './support/accounts.fixture.js';
import { type ErrorJson, type Harness, startHarness, visitor } from './support/auth-service.harness.js';

let h: Harness;
const tenant = newId();
const NEW_PASSWORD = 'papaya-monsoon-bridge-77';

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function lastToken(type: string, accountId: string): Promise<string> {
  const events = await h.events<{ token: string }>(type, accountId);
  return events[events.length - 1]?.payload.token as string;
}

describe('email verification', () => {
  it('verifies with the emailed token once; a used, wrong or expired token is 401', async () => {
    const s = await registerAndLogin(h, tenant);
    const token = await lastToken('auth.email-verification-requested.v1', s.account.id);
    const ok = await h.call('POST', '/v1/auth/email/verify', { as: visitor(tenant), body: { token } });
    expect(ok.status, ok.text).toBe(204);
    const me = await h.call<{ emailVerified: boolean }>('GET', '/v1/auth/me', { as: s.caller });
    expect(me.json.emailVerified).toBe(true);
    expect(await h.events('auth.email-verified.v1', s.account.id)).toHaveLength(1);
    const again = await h.call<ErrorJson>('POST', '/v1/auth/email/verify', {
      as: visitor(tenant),
      body: { token },
    });
    expect(again.status).toBe(401);
    expect(again.json.error.code).toBe('AUTH_TOKEN_INVALID');

    const other = await registerAndLogin(h, tenant);
    const late = await lastToken('auth.email-verification-requested.v1', other.account.id);
    h.clock.advance(25 * 3_600_000);
    const expired = await h.call<ErrorJson>('POST', '/v1/auth/email/verify', {
      as: visitor(tenant),
      body: { token: late },
    });
    expect(expired.status).toBe(401);
    // A new link, asked for by the signed-in owner, works.
    expect((await h.call('POST', '/v1/auth/email/verification', { as: other.caller })).status).toBe(202);
    const fresh = await lastToken('auth.email-verification-requested.v1', other.account.id);
    expect(
      (await h.call('POST', '/v1/auth/email/verify', { as: visitor(tenant), body: { token: fresh } })).status,
    ).toBe(204);
  });
});

describe('password reset', () => {
  it('answers the same for known and unknown emails, and sends a link only to the account', async () => {
    const s = await registerAndLogin(h, tenant);
    const known = await h.call('POST', '/v1/auth/password/forgot', {
      as: visitor(tenant),
      body: { email: s.account.email },
    });
    const unknown = await h.call('POST', '/v1/auth/password/forgot', {
      as: visitor(tenant),
      body: { email: email('nobody') },
    });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.text).toBe(unknown.text);
    expect(await h.events('auth.password-reset-requested.v1', s.account.id)).toHaveLength(1);
  });

  it('sets a new password with a single-use token, ends every session, and the old password stops working', async () => {
    const s = await registerAndLogin(h, tenant);
    await h.call('POST', '/v1/auth/password/forgot', {
      as: visitor(tenant),
      body: { email: s.account.email },
    });
    const token = await lastToken('auth.password-reset-requested.v1', s.account.id);

    const weak = await h.call<ErrorJson>('POST', '/v1/auth/password/reset', {
      as: visitor(tenant),
      body: { token, newPassword: 'qwerty123' },
    });
    expect(weak.status).toBe(400);
    expect(weak.json.error.details).toMatchObject({ fields: [{ field: 'newPassword' }] });

    const ok = await h.call('POST', '/v1/auth/password/reset', {
      as: visitor(tenant),
      body: { token, newPassword: NEW_PASSWORD },
    });
    expect(ok.status, ok.text).toBe(204);
    const reuse = await h.call<ErrorJson>('POST', '/v1/auth/password/reset', {
      as: visitor(tenant),
      body: { token, newPassword: 'another-long-password-9' },
    });
    expect(reuse.json.error.code).toBe('AUTH_TOKEN_INVALID');

    const refreshed = await h.call('POST', '/v1/auth/refresh', {
      as: visitor(tenant),
      body: { refreshToken: s.refreshToken },
    });
    expect(refreshed.status).toBe(401);
    expect((await login(h, tenant, s.account.email as string)).status).toBe(401);
    expect((await login(h, tenant, s.account.email as string, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses an expired reset token', async () => {
    const s = await registerAndLogin(h, tenant);
    await h.call('POST', '/v1/auth/password/forgot', {
      as: visitor(tenant),
      body: { email: s.account.email },
    });
    const token = await lastToken('auth.password-reset-requested.v1', s.account.id);
    h.clock.advance(31 * 60_000);
    const res = await h.call<ErrorJson>('POST', '/v1/auth/password/reset', {
      as: visitor(tenant),
      body: { token, newPassword: NEW_PASSWORD },
    });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('throttles reset requests for one email', async () => {
    const address = email();
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push(
        (await h.call('POST', '/v1/auth/password/forgot', { as: visitor(tenant), body: { email: address } }))
          .status,
      );
    }
    expect(codes).toEqual([202, 202, 202, 202, 202, 429]);
  });
});

describe('password change', () => {
  it('needs the current password, keeps the named session and ends the others', async () => {
    const address = email();
    const keep = await registerAndLogin(h, tenant, address);
    const other = await login(h, tenant, address);
    const wrong = await h.call<ErrorJson>('POST', '/v1/auth/password/change', {
      as: keep.caller,
      body: { currentPassword: 'not-my-password-1', newPassword: NEW_PASSWORD },
    });
    expect(wrong.status).toBe(401);
    const ok = await h.call('POST', '/v1/auth/password/change', {
      as: keep.caller,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, keepSessionId: keep.sessionId },
    });
    expect(ok.status, ok.text).toBe(204);
    const refresh = (t: string | undefined) =>
      h.call('POST', '/v1/auth/refresh', { as: visitor(tenant), body: { refreshToken: t } });
    expect((await refresh(keep.refreshToken)).status).toBe(200);
    expect((await refresh(other.json.refreshToken)).status).toBe(401);
    expect(await h.events('auth.password-changed.v1', keep.account.id)).toEqual([
      expect.objectContaining({ payload: { accountId: keep.account.id, via: 'change' } }),
    ]);
  });
});
