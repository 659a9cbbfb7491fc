import { createHash } from 'node:crypto';
import { API_TOKEN_PREFIX, type IntrospectApiTokenResponse } from '@haat/contracts';
import { LRUCache } from 'lru-cache';
import type { Authentication, Authenticator } from './authenticator.js';
import { tokenInvalid } from './identity.errors.js';

/** What auth-service's introspection accepts: the prefix, then base64url, 512 characters at most. */
const WELL_FORMED = new RegExp(`^${API_TOKEN_PREFIX}[A-Za-z0-9_-]{1,${512 - API_TOKEN_PREFIX.length}}$`);

/** An unknown or revoked token is remembered this long, so repeating it does not reach auth-service. */
const REFUSED_TTL_MS = 10_000;

type Lookup = { active: true; authentication: Authentication } | { active: false };

/** Options of {@link ApiTokenAuthenticator}. */
export interface ApiTokenAuthenticatorOptions {
  /** auth-service's introspection (signed, platform scope). */
  introspect: (token: string, requestId: string) => Promise<IntrospectApiTokenResponse>;
  /** Tokens remembered; default 10 000. */
  maxEntries?: number;
  onIntrospect?: (active: boolean) => void;
  now?: () => number;
}

/**
 * Integrators' API tokens (`Bearer haat_…`): introspected by auth-service, the answer reused
 * for its `cacheSeconds` (never past the token's expiry); a refused token for 10 s. The
 * token's scopes are forwarded as the permissions, its account as the user, its vendor (if it
 * is confined to one) as the vendor ids; it has no session. Cache keys are SHA-256 digests, so
 * the memory holds no usable token. A revocation takes effect within `cacheSeconds` (≤ 60 s).
 */
export class ApiTokenAuthenticator implements Authenticator {
  private readonly cache: LRUCache<string, Lookup>;
  private readonly inFlight = new Map<string, Promise<Lookup>>();
  private readonly now: () => number;

  constructor(private readonly options: ApiTokenAuthenticatorOptions) {
    this.cache = new LRUCache({ max: options.maxEntries ?? 10_000 });
    this.now = options.now ?? Date.now;
  }

  async authenticate(token: string, requestId: string): Promise<Authentication | undefined> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
    if (!WELL_FORMED.test(token)) throw tokenInvalid('The API token is malformed');
    const key = createHash('sha256').update(token).digest('base64url');
    let lookup = this.cache.get(key);
    if (!lookup) {
      let pending = this.inFlight.get(key);
      if (!pending) {
        pending = this.lookup(key, token, requestId).finally(() => this.inFlight.delete(key));
        this.inFlight.set(key, pending);
      }
      lookup = await pending;
    }
    if (!lookup.active) throw tokenInvalid('The API token is unknown, expired or revoked');
    return lookup.authentication;
  }

  private async lookup(key: string, token: string, requestId: string): Promise<Lookup> {
    const answer = await this.options.introspect(token, requestId);
    this.options.onIntrospect?.(answer.active);
    if (!answer.active) {
      this.cache.set(key, { active: false }, { ttl: REFUSED_TTL_MS });
      return { active: false };
    }
    const lookup: Lookup = {
      active: true,
      authentication: Object.freeze({
        tenantId: answer.tenantId,
        identity: Object.freeze({
          userId: answer.accountId,
          roles: answer.roles,
          permissions: answer.permissions,
          ...(answer.vendors.length > 0 ? { vendorIds: answer.vendors } : {}),
        }),
      }),
    };
    const ttl = Math.min(answer.cacheSeconds * 1000, Date.parse(answer.expiresAt) - this.now());
    if (ttl > 0) this.cache.set(key, lookup, { ttl });
    return lookup;
  }
}
