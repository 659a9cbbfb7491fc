import { UnauthorizedError, isAppError } from '@haat/common';
import {
  ACCESS_TOKEN_ALGORITHMS,
  ACCESS_TOKEN_TYPE,
  type AccessTokenClaims,
  AccessTokenClaimsSchema,
} from '@haat/contracts';
import { errors, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Authentication, Authenticator } from './authenticator.js';
import { IDENTITY_ERRORS, tokenInvalid } from './identity.errors.js';
import type { JwksKeySet } from './jwks-key-set.js';
import type { RevokedSessions } from './revoked-sessions.js';

/** Three base64url parts: a compact JWS, which is what access tokens are. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Options of {@link AccessTokenAuthenticator}. */
export interface AccessTokenAuthenticatorOptions {
  keys: JwksKeySet;
  sessions: RevokedSessions;
  issuer: string;
  audience: string;
  clockToleranceMs: number;
  /** Verified tokens remembered (until they expire); default 10 000. */
  maxCachedTokens?: number;
  now?: () => number;
}

interface Verified {
  claims: AccessTokenClaims;
  authentication: Authentication;
}

/**
 * auth-service's access tokens (RFC 9068 JWTs): EdDSA signature by a key of its JWKS (`kid`),
 * `typ: at+jwt`, issuer, audience, `exp` (with a small clock tolerance), claims as in the
 * contract. Then the session must not be revoked. The token's identity — user, roles,
 * permissions, vendors, session — is what the gateway signs for the services, and its `tenant`
 * is checked against the host by the admission.
 *
 * A verified token is remembered until it expires (keyed by the whole token, so no other token
 * can match it): a client sends the same token for minutes, and re-checking an Ed25519
 * signature each time would be the costliest step of the request. The revocation check runs on
 * every request regardless.
 */
export class AccessTokenAuthenticator implements Authenticator {
  private readonly verified: LRUCache<string, Verified>;
  private readonly now: () => number;

  constructor(private readonly options: AccessTokenAuthenticatorOptions) {
    this.verified = new LRUCache({ max: options.maxCachedTokens ?? 10_000 });
    this.now = options.now ?? Date.now;
  }

  async authenticate(token: string): Promise<Authentication | undefined> {
    if (!COMPACT_JWS.test(token)) return undefined;
    let verified = this.verified.get(token);
    if (!verified) {
      verified = await this.verify(token);
      const ttl = verified.claims.exp * 1000 + this.options.clockToleranceMs - this.now();
      if (ttl > 0) this.verified.set(token, verified, { ttl });
    }
    this.options.sessions.assertActive(verified.claims.session);
    return verified.authentication;
  }

  private async verify(token: string): Promise<Verified> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.options.keys.getKey, {
        algorithms: [...ACCESS_TOKEN_ALGORITHMS],
        typ: ACCESS_TOKEN_TYPE,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: Math.ceil(this.options.clockToleranceMs / 1000),
        requiredClaims: ['exp', 'iat', 'sub'],
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      if (isAppError(error)) throw error;
      if (error instanceof errors.JWTExpired) {
        throw new UnauthorizedError(IDENTITY_ERRORS.tokenExpired, 'The access token has expired; refresh it');
      }
      if (error instanceof errors.JOSEError) throw tokenInvalid();
      throw error;
    }
    const claims = AccessTokenClaimsSchema.safeParse(payload);
    if (!claims.success) throw tokenInvalid('The access token’s claims are not the expected ones');
    const c = claims.data;
    return {
      claims: c,
      authentication: Object.freeze({
        tenantId: c.tenant,
        identity: Object.freeze({
          userId: c.sub,
          roles: c.roles,
          permissions: c.permissions,
          ...(c.vendors.length > 0 ? { vendorIds: c.vendors } : {}),
          sessionId: c.session,
        }),
      }),
    };
  }
}
