import { setTimeout as sleep } from 'node:timers/promises';
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_EMAILS,
  type AuthPlatform,
  JWKS_REFETCH_MS,
  POLL_INTERVAL_MS,
  send,
  signIn,
  startAuthPlatform,
} from './support/auth-platform.js';
import { call, errorOf } from './support/gateway.harness.js';

let p: AuthPlatform;

beforeAll(async () => {
  p = await startAuthPlatform();
});
afterAll(async () => {
  await p?.close();
});

/** A protected call on the demo shop's host with `token`. */
const protectedCall = (token: string, host = 'demo.localhost') =>
  send(p, 'GET', '/api/v1/notifications/preferences', { token, host });

const codeOf = async (token: string, host?: string) => {
  const res = await protectedCall(token, host);
  return res.status === 200 ? 200 : `${res.status} ${errorOf(res).code}`;
};

/** `gateway_auth_jwks_fetches_total` for one reason, successful ones. */
async function jwksFetches(reason: string): Promise<number> {
  const metrics = await call(p.gw.url, '/metrics');
  const line = metrics.text
    .split('\n')
    .find((l) => l.startsWith(`gateway_auth_jwks_fetches_total{reason="${reason}",outcome="ok"`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/** A token with the claims of `genuine`, signed by a key auth-service never had. */
async function forgedLike(
  genuine: string,
  kid: string,
  claims: Record<string, unknown> = {},
): Promise<string> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  return new SignJWT({ ...decodeJwt(genuine), ...claims })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid })
    .sign(privateKey);
}

describe('access tokens at the gateway', () => {
  it('refuses an expired token with 401 AUTH_TOKEN_EXPIRED', async () => {
    p.clock.offsetMs = -60 * 60_000;
    let old;
    try {
      old = await signIn(p, DEMO_EMAILS.customer);
    } finally {
      p.clock.offsetMs = 0;
    }
    const res = await protectedCall(old.accessToken);
    expect([res.status, errorOf(res).code]).toEqual([401, 'AUTH_TOKEN_EXPIRED']);
    expect(res.headers['www-authenticate']).toContain('invalid_token');
  });

  it('refuses forged, tampered and malformed tokens with 401 AUTH_TOKEN_INVALID', async () => {
    const genuine = (await signIn(p, DEMO_EMAILS.customer)).accessToken;
    expect(await codeOf(genuine)).toBe(200);
    const [header, , signature] = genuine.split('.');
    const promoted = Buffer.from(
      JSON.stringify({ ...decodeJwt(genuine), roles: ['tenant_owner'], permissions: ['*'] }),
    ).toString('base64url');
    const { kid = '' } = decodeProtectedHeader(genuine);
    const unsigned = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${genuine.split('.')[1]}.`;
    for (const token of [
      `${header}.${promoted}.${signature}`,
      await forgedLike(genuine, kid),
      unsigned,
      `${genuine.slice(0, -4)}AAAA`,
      'not.a.jwt',
      'x',
    ]) {
      expect(await codeOf(token), token).toBe('401 AUTH_TOKEN_INVALID');
    }
  });

  it('refuses a token of one shop on another shop’s host, and a shop’s token on the platform host', async () => {
    const demoToken = (await signIn(p, DEMO_EMAILS.tenantOwner)).accessToken;
    expect(await codeOf(demoToken, 'other.localhost')).toBe('401 AUTH_TOKEN_WRONG_TENANT');
    const platform = await send(p, 'GET', '/api/v1/operator-auth/me', {
      host: 'localhost',
      token: demoToken,
    });
    expect([platform.status, errorOf(platform).code]).toEqual([401, 'AUTH_TOKEN_WRONG_TENANT']);
  });

  it('refuses an operator’s token on a shop’s host', async () => {
    const operator = await signIn(p, DEMO_EMAILS.operator, { host: 'localhost' });
    expect(await codeOf(operator.accessToken)).toBe('401 AUTH_TOKEN_WRONG_TENANT');
  });

  it('refuses the token of a signed-out session within the poll interval, and keeps others working', async () => {
    const web = await signIn(p, DEMO_EMAILS.customer, { client: 'web' });
    const otherDevice = await signIn(p, DEMO_EMAILS.customer);
    expect(await codeOf(web.accessToken)).toBe(200);

    const cookie = web.cookies.find((c) => c.startsWith('haat_rt='))?.split(';')[0] ?? '';
    const out = await send(p, 'POST', '/api/v1/auth/logout', { headers: { cookie }, body: {} });
    expect(out.status).toBe(204);
    const signedOutAt = Date.now();
    await expect
      .poll(() => codeOf(web.accessToken), { timeout: POLL_INTERVAL_MS * 10, interval: 50 })
      .toBe('401 AUTH_SESSION_REVOKED');
    // One poll interval plus the poll itself and the test's own requests.
    expect(Date.now() - signedOutAt).toBeLessThan(POLL_INTERVAL_MS * 5);
    expect(await codeOf(otherDevice.accessToken)).toBe(200);
  });

  it('refuses a session revoked from another device', async () => {
    const phone = await signIn(p, DEMO_EMAILS.vendor2Staff);
    const laptop = await signIn(p, DEMO_EMAILS.vendor2Staff);
    expect(await codeOf(phone.accessToken)).toBe(200);
    const revoked = await send(p, 'DELETE', `/api/v1/auth/sessions/${phone.sessionId}`, {
      token: laptop.accessToken,
    });
    expect(revoked.status).toBe(204);
    await expect
      .poll(() => codeOf(phone.accessToken), { timeout: POLL_INTERVAL_MS * 10, interval: 50 })
      .toBe('401 AUTH_SESSION_REVOKED');
  });

  it('keeps old tokens valid after a key rotation and verifies new ones after refetching the JWKS', async () => {
    const before = await signIn(p, DEMO_EMAILS.customer);
    const unseenBefore = await signIn(p, DEMO_EMAILS.customer);
    expect(await codeOf(before.accessToken)).toBe(200);
    const oldKid = decodeProtectedHeader(before.accessToken).kid;

    const rotated = await p.auth.call<{ kid: string; rotated: boolean }>(
      'POST',
      '/internal/v1/auth/signing-keys/rotate',
    );
    expect(rotated.json).toMatchObject({ rotated: true });
    const after = await signIn(p, DEMO_EMAILS.customer);
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(rotated.json.kid);
    expect(rotated.json.kid).not.toBe(oldKid);

    await sleep(JWKS_REFETCH_MS + 100);
    const refetches = await jwksFetches('unknown-kid');
    expect(await codeOf(after.accessToken)).toBe(200);
    expect(await jwksFetches('unknown-kid')).toBe(refetches + 1);
    // Signed by the retired key, never seen by the gateway: verified by the refetched set.
    expect(await codeOf(unseenBefore.accessToken)).toBe(200);
    expect(await codeOf(before.accessToken)).toBe(200);
  });

  it('fetches the JWKS at most once per interval however many unknown kids arrive', async () => {
    const genuine = (await signIn(p, DEMO_EMAILS.customer)).accessToken;
    await sleep(JWKS_REFETCH_MS + 100);
    const refetches = await jwksFetches('unknown-kid');
    const bogus = await Promise.all(
      Array.from({ length: 40 }, (_, i) => forgedLike(genuine, `made-up-kid-${i}`)),
    );
    const codes = await Promise.all(bogus.map((t) => codeOf(t)));
    expect(new Set(codes)).toEqual(new Set(['401 AUTH_TOKEN_INVALID']));
    for (const token of bogus.slice(0, 10)) expect(await codeOf(token)).toBe('401 AUTH_TOKEN_INVALID');
    expect(await jwksFetches('unknown-kid')).toBe(refetches + 1);
    expect(await codeOf(genuine)).toBe(200);
  });
});
