import { newId } from '@haat/common';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAndLogin } from './support/accounts.fixture.js';
import { gatewaySystem, type Harness, startHarness, visitor } from './support/auth-service.harness.js';

let h: Harness;
const tenant = newId();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** What the gateway does: fetch the JWKS from the endpoint and verify the token against it. */
async function verifyAtGateway(token: string, at: Date) {
  const jwks = await h.call<JSONWebKeySet>('GET', '/v1/auth/.well-known/jwks.json', { as: visitor(null) });
  expect(jwks.status).toBe(200);
  return jwtVerify(token, createLocalJWKSet(jwks.json), {
    issuer: 'haat-auth',
    audience: 'haat-api',
    typ: 'at+jwt',
    algorithms: ['EdDSA'],
    currentDate: at,
  });
}

const rotate = () =>
  h.call<{ kid: string; previousKid: string }>('POST', '/internal/v1/auth/signing-keys/rotate', {
    as: gatewaySystem,
  });

describe('signing keys', () => {
  it('publishes public keys only, with kid and alg, readable without a signature', async () => {
    const res = await fetch(`${h.svc.url}/v1/auth/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/max-age=60/);
    const { keys } = (await res.json()) as { keys: Record<string, string>[] };
    expect(keys.length).toBeGreaterThanOrEqual(1);
    for (const k of keys) {
      expect(k).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(k.kid).toBeTruthy();
      expect(k.d).toBeUndefined();
    }
  });

  it('keeps old tokens valid until they expire after a rotation, while new tokens verify with the new key', async () => {
    const before = await registerAndLogin(h, tenant);
    const rotated = await rotate();
    expect(rotated.status, rotated.text).toBe(200);
    const after = await registerAndLogin(h, tenant);

    const oldVerified = await verifyAtGateway(before.accessToken, h.clock.now());
    const newVerified = await verifyAtGateway(after.accessToken, h.clock.now());
    expect(oldVerified.protectedHeader.kid).toBe(rotated.json.previousKid);
    expect(newVerified.protectedHeader.kid).toBe(rotated.json.kid);
    expect(newVerified.payload).toMatchObject({ tenant, sub: after.account.id });

    // Eleven minutes on: the old key's last token has expired and the key has left the JWKS.
    h.clock.advance(11 * 60_000);
    const jwks = await h.call<JSONWebKeySet>('GET', '/v1/auth/.well-known/jwks.json', { as: visitor(null) });
    expect(jwks.json.keys.map((k) => k.kid)).not.toContain(rotated.json.previousKid);
    await expect(verifyAtGateway(before.accessToken, h.clock.now())).rejects.toThrow();
    const fresh = await registerAndLogin(h, tenant);
    await expect(verifyAtGateway(fresh.accessToken, h.clock.now())).resolves.toBeTruthy();
  });

  it('stores private keys encrypted, never in clear', async () => {
    const rows = await h.svc.runtime.database.pool.query<{ private_key_encrypted: string }>(
      'select private_key_encrypted from signing_keys',
    );
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const r of rows.rows) {
      expect(r.private_key_encrypted).toMatch(/^v1\.[0-9a-f]{8}\./);
      expect(r.private_key_encrypted).not.toMatch(/PRIVATE KEY/);
    }
  });

  it('announces a rotation and lets only operators or the platform rotate', async () => {
    const res = await rotate();
    expect(await h.events('auth.signing-key-rotated.v1', res.json.kid)).toEqual([
      expect.objectContaining({ tenantId: null, payload: expect.objectContaining({ kid: res.json.kid }) }),
    ]);
    const customer = await registerAndLogin(h, tenant);
    const denied = await h.call<{ error: { code: string } }>(
      'POST',
      '/internal/v1/auth/signing-keys/rotate',
      { as: customer.caller },
    );
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('PERMISSION_DENIED');
  });
});
