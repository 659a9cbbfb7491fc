import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { email, login, PASSWORD, registerAndLogin, type SignedInJson } from './support/accounts.fixture.js';
import { type ErrorJson, type Harness, startHarness, visitor } from './support/auth-service.harness.js';

let h: Harness;
const tenant = newId();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const refresh = (refreshToken: string | undefined) =>
  h.call<SignedInJson & ErrorJson>('POST', '/v1/auth/refresh', {
    as: visitor(tenant),
    body: { refreshToken },
  });

describe('refresh tokens and sessions', () => {
  it('rotates the refresh token on every use', async () => {
    const s = await registerAndLogin(h, tenant);
    const first = await refresh(s.refreshToken);
    expect(first.status, first.text).toBe(200);
    expect(first.json.refreshToken).not.toBe(s.refreshToken);
    expect(first.json.sessionId).toBe(s.sessionId);
    const second = await refresh(first.json.refreshToken);
    expect(second.status).toBe(200);
  });

  it('revokes the whole family and the session when a rotated token is reused', async () => {
    const s = await registerAndLogin(h, tenant);
    const rotated = await refresh(s.refreshToken);
    expect(rotated.status).toBe(200);
    const reuse = await refresh(s.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.json.error.code).toBe('AUTH_REFRESH_TOKEN_REUSED');
    // The legitimate holder's newer token is dead too: the family is gone.
    const newer = await refresh(rotated.json.refreshToken);
    expect(newer.status).toBe(401);
    expect(newer.json.error.code).toBe('AUTH_SESSION_REVOKED');
    const revoked = await h.events<{ sessionId: string; reason: string; accessTokensValidUntil: string }>(
      'auth.session-revoked.v1',
      s.sessionId,
    );
    expect(revoked).toEqual([
      expect.objectContaining({
        tenantId: tenant,
        payload: expect.objectContaining({ reason: 'refresh-token-reuse' }),
      }),
    ]);
    const list = await h.call<{ items: { sessionId: string }[] }>(
      'GET',
      `/internal/v1/auth/revocations?since=${encodeURIComponent(new Date(h.clock.now().getTime() - 60_000).toISOString())}`,
      { as: { tenantId: null, userId: null, roles: ['system'], permissions: ['*'] } },
    );
    expect(list.status, list.text).toBe(200);
    expect(list.json.items.map((i) => i.sessionId)).toContain(s.sessionId);
  });

  it('lets exactly one of two parallel uses of a token through and ends the session', async () => {
    const s = await registerAndLogin(h, tenant);
    const results = await Promise.all([refresh(s.refreshToken), refresh(s.refreshToken)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    const winner = results.find((r) => r.status === 200) as { json: SignedInJson };
    expect((await refresh(winner.json.refreshToken)).status).toBe(401);
  });

  it('refuses an expired refresh token', async () => {
    const s = await registerAndLogin(h, tenant);
    h.clock.advance(31 * 24 * 3_600_000);
    try {
      const res = await refresh(s.refreshToken);
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('AUTH_REFRESH_TOKEN_EXPIRED');
    } finally {
      h.clock.advance(-31 * 24 * 3_600_000);
    }
  });

  it('signs out: the refresh token stops working and the revocation is announced', async () => {
    const s = await registerAndLogin(h, tenant);
    const out = await h.call('POST', '/v1/auth/logout', {
      as: visitor(tenant),
      body: { refreshToken: s.refreshToken },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/haat_rt=;.*Max-Age=0/);
    expect((await refresh(s.refreshToken)).json.error.code).toBe('AUTH_SESSION_REVOKED');
    expect(await h.events('auth.session-revoked.v1', s.sessionId)).toHaveLength(1);
  });

  it('lists the live sessions with device, IP and user agent; revokes one; revokes all others', async () => {
    const address = email();
    const first = await registerAndLogin(h, tenant, address);
    const second = await login(h, tenant, address, PASSWORD, {
      ip: '198.51.100.9',
      body: { device: { id: 'phone-0001-abcdef', name: 'Rahim’s phone' } },
      headers: { 'user-agent': 'HaatApp/1.0 (Android 14)' },
    });
    const third = await login(h, tenant, address, PASSWORD, { ip: '198.51.100.10' });
    const me = first.caller;
    const list = await h.call<{
      items: { id: string; deviceName: string | null; ip: string; userAgent: string | null }[];
    }>('GET', '/v1/auth/sessions', { as: me });
    expect(list.status).toBe(200);
    expect(list.json.items.map((s) => s.id)).toEqual([
      first.sessionId,
      second.json.sessionId,
      third.json.sessionId,
    ]);
    expect(list.json.items[1]).toMatchObject({
      deviceName: 'Rahim’s phone',
      ip: '198.51.100.9',
      userAgent: 'HaatApp/1.0 (Android 14)',
    });

    expect((await h.call('DELETE', `/v1/auth/sessions/${second.json.sessionId}`, { as: me })).status).toBe(
      204,
    );
    expect((await refresh(second.json.refreshToken)).status).toBe(401);

    const others = await h.call<{ revoked: number }>('POST', '/v1/auth/sessions/revoke-others', {
      as: me,
      body: { keepSessionId: first.sessionId },
    });
    expect(others.json).toEqual({ revoked: 1 });
    expect((await refresh(third.json.refreshToken)).status).toBe(401);
    expect((await refresh(first.refreshToken)).status).toBe(200);
  });

  it('cannot revoke someone else’s session', async () => {
    const mine = await registerAndLogin(h, tenant);
    const theirs = await registerAndLogin(h, tenant);
    const res = await h.call<ErrorJson>('DELETE', `/v1/auth/sessions/${theirs.sessionId}`, {
      as: mine.caller,
    });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('AUTH_SESSION_NOT_FOUND');
    expect((await refresh(theirs.refreshToken)).status).toBe(200);
  });

  it('announces a sign-in from a new device, not from a known one', async () => {
    const address = email();
    const s = await registerAndLogin(h, tenant, address);
    const device = { id: 'laptop-0002-abcdef', name: 'Work laptop' };
    await login(h, tenant, address, PASSWORD, { body: { device } });
    await login(h, tenant, address, PASSWORD, { body: { device } });
    const events = await h.events<{ deviceName: string; method: string }>(
      'auth.new-device-signed-in.v1',
      s.account.id,
    );
    expect(events).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({ deviceName: 'Work laptop', method: 'password' }),
      }),
    ]);
  });

  it('asks for a signed-in user on session routes', async () => {
    const res = await h.call<ErrorJson>('GET', '/v1/auth/sessions', { as: visitor(tenant) });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('AUTH_REQUIRED');
  });
});
