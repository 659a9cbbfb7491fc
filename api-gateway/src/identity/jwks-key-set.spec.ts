import { UnavailableError } from '@haat/common';
import {
  type JSONWebKeySet,
  SignJWT,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
} from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FetchedJwks } from './auth-service.client.js';
import { JwksKeySet } from './jwks-key-set.js';

type Pair = Awaited<ReturnType<typeof generateKeyPair>> & { kid: string };
let first: Pair;
let second: Pair;

async function keyPair(kid: string): Promise<Pair> {
  return { ...(await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })), kid };
}
async function jwksOf(...pairs: Pair[]): Promise<JSONWebKeySet> {
  return {
    keys: await Promise.all(
      pairs.map(async (p) => ({ ...(await exportJWK(p.publicKey)), kid: p.kid, alg: 'EdDSA', use: 'sig' })),
    ),
  };
}
const tokenBy = (pair: Pair, kid = pair.kid) =>
  new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'EdDSA', kid }).sign(pair.privateKey);

/** A key source answering `served` (or failing), counting its calls, on a hand-moved clock. */
function fixture(served: { jwks: JSONWebKeySet | Error; maxAgeMs?: number }) {
  let now = 1_000_000;
  const fetches: string[] = [];
  const keys = new JwksKeySet({
    fetch: async (): Promise<FetchedJwks> => {
      fetches.push('fetch');
      if (served.jwks instanceof Error) throw served.jwks;
      return { jwks: served.jwks, maxAgeMs: served.maxAgeMs };
    },
    minRefetchIntervalMs: 5_000,
    onFetch: (reason, ok) => fetches.push(`${reason}:${ok}`),
    now: () => now,
  });
  const verify = (token: string) => jwtVerify(token, keys.getKey, { currentDate: new Date(now) });
  return { keys, fetches, verify, advance: (ms: number) => (now += ms) };
}

beforeAll(async () => {
  first = await keyPair('k1');
  second = await keyPair('k2');
});

describe('JwksKeySet', () => {
  it('fetches once, then verifies from the set while it is fresh', async () => {
    const f = fixture({ jwks: await jwksOf(first), maxAgeMs: 60_000 });
    for (let i = 0; i < 3; i += 1) await f.verify(await tokenBy(first));
    expect(f.fetches).toEqual(['fetch', 'initial:true']);
  });

  it('refreshes a stale set in the background, verifying with the keys in hand meanwhile', async () => {
    const served: { jwks: JSONWebKeySet; maxAgeMs: number } = { jwks: await jwksOf(first), maxAgeMs: 60_000 };
    const f = fixture(served);
    await f.verify(await tokenBy(first));
    served.jwks = await jwksOf(first, second);
    f.advance(61_000);
    await f.verify(await tokenBy(first));
    await f.verify(await tokenBy(second));
    expect(f.fetches).toEqual(['fetch', 'initial:true', 'fetch', 'expired:true']);
  });

  it('fetches again for an unknown kid (a rotation), but never twice within the interval', async () => {
    const served = { jwks: await jwksOf(first), maxAgeMs: 60_000 };
    const f = fixture(served);
    await f.verify(await tokenBy(first));
    f.advance(5_000);
    served.jwks = await jwksOf(first, second);
    await f.verify(await tokenBy(second));
    expect(f.fetches.filter((x) => x === 'fetch')).toHaveLength(2);

    f.advance(5_000);
    const bogus = await Promise.all(Array.from({ length: 20 }, (_, i) => tokenBy(first, `made-up-${i}`)));
    const results = await Promise.allSettled(bogus.map((t) => f.verify(t)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(f.fetches.filter((x) => x === 'unknown-kid:true')).toHaveLength(2);
    f.advance(1_000);
    await expect(f.verify(bogus[0] ?? '')).rejects.toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
    expect(f.fetches.filter((x) => x === 'fetch')).toHaveLength(3);
  });

  it('throws the fetch failure while it has no keys, without asking again within the interval', async () => {
    const down = new UnavailableError('AUTH_SERVICE_UNAVAILABLE', 'down');
    const served: { jwks: JSONWebKeySet | Error } = { jwks: down };
    const f = fixture(served);
    const token = await tokenBy(first);
    await expect(f.verify(token)).rejects.toBe(down);
    await expect(f.verify(token)).rejects.toBe(down);
    expect(f.fetches).toEqual(['fetch', 'initial:false']);
    served.jwks = await jwksOf(first);
    f.advance(5_000);
    await f.verify(token);
    expect(decodeProtectedHeader(token).kid).toBe('k1');
  });

  it('keeps verifying with the keys in hand when a background refresh fails', async () => {
    const served: { jwks: JSONWebKeySet | Error; maxAgeMs: number } = {
      jwks: await jwksOf(first),
      maxAgeMs: 1_000,
    };
    const f = fixture(served);
    await f.verify(await tokenBy(first));
    served.jwks = new UnavailableError('AUTH_SERVICE_UNAVAILABLE', 'down');
    f.advance(10_000);
    await f.verify(await tokenBy(first));
    await f.verify(await tokenBy(first));
    expect(f.fetches).toEqual(['fetch', 'initial:true', 'fetch', 'expired:false']);
  });
});
