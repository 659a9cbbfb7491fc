import {
  type FlattenedJWSInput,
  type JWSHeaderParameters,
  type JWTVerifyGetKey,
  type LocalJWKSet,
  createLocalJWKSet,
} from 'jose';
import type { FetchedJwks } from './auth-service.client.js';

/** Why the key set was fetched. */
export type JwksFetchReason = 'initial' | 'expired' | 'unknown-kid';

/** Options of {@link JwksKeySet}. */
export interface JwksKeySetOptions {
  /** Fetches the JWKS (auth-service's, signed, through its breaker). */
  fetch: () => Promise<FetchedJwks>;
  /** Least time between two fetches, whatever asks for them. */
  minRefetchIntervalMs: number;
  /** Freshness when the response carries no `max-age`. */
  defaultMaxAgeMs?: number;
  /** Upper bound on a response's `max-age`. */
  maxMaxAgeMs?: number;
  onFetch?: (reason: JwksFetchReason, ok: boolean) => void;
  /** Told about background refreshes that failed (the keys in hand keep being used). */
  onBackgroundError?: (error: unknown) => void;
  now?: () => number;
}

/**
 * auth-service's access-token keys, for `jwtVerify`. Fetched on first use, then reused while
 * fresh (`Cache-Control: max-age`); once stale they keep verifying while a background fetch
 * replaces them, so no request waits on auth-service. A token whose `kid` is not in the set
 * makes it fetch at once — a key rotation shows up on the first token of the new key — but
 * never twice within `minRefetchIntervalMs`, so a flood of made-up `kid`s costs auth-service
 * one request per interval. Concurrent fetches are one.
 *
 * jose's `createRemoteJWKSet` has the cooldown but a fixed cache age and its own `fetch`; this
 * keeps its key selection (`createLocalJWKSet`) and fetches through the gateway's client.
 */
export class JwksKeySet {
  private local: LocalJWKSet | undefined;
  private kids = new Set<string>();
  private freshUntil = 0;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private lastError: unknown;
  private inFlight: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: JwksKeySetOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The key resolver to hand to `jwtVerify`. */
  readonly getKey: JWTVerifyGetKey = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    if (!this.local) {
      await this.refresh('initial', true);
    } else if (this.now() >= this.freshUntil && this.mayFetch()) {
      this.refresh('expired', false).catch((error: unknown) => this.options.onBackgroundError?.(error));
    }
    if (header.kid !== undefined && !this.kids.has(header.kid) && this.mayFetch()) {
      await this.refresh('unknown-kid', true);
    }
    const local = this.local;
    if (!local) throw this.lastError;
    return local(header, token);
  };

  private mayFetch(): boolean {
    return this.now() - this.lastAttemptAt >= this.options.minRefetchIntervalMs;
  }

  /**
   * One fetch at a time. `mustSucceed`: the caller cannot go on without it (no keys yet, or a
   * new `kid`), so its failure is thrown — also to callers arriving within the interval after a
   * failed first fetch, without asking again.
   */
  private async refresh(reason: JwksFetchReason, mustSucceed: boolean): Promise<void> {
    if (!this.inFlight) {
      if (!this.mayFetch()) {
        if (mustSucceed && !this.local) throw this.lastError;
        return;
      }
      this.lastAttemptAt = this.now();
      this.inFlight = this.load(reason).finally(() => {
        this.inFlight = undefined;
      });
    }
    try {
      await this.inFlight;
    } catch (error) {
      if (mustSucceed) throw error;
    }
  }

  private async load(reason: JwksFetchReason): Promise<void> {
    let fetched: FetchedJwks;
    try {
      fetched = await this.options.fetch();
    } catch (error) {
      this.lastError = error;
      this.options.onFetch?.(reason, false);
      throw error;
    }
    const maxAge = Math.min(
      fetched.maxAgeMs ?? this.options.defaultMaxAgeMs ?? 60_000,
      this.options.maxMaxAgeMs ?? 3_600_000,
    );
    this.local = createLocalJWKSet(fetched.jwks);
    this.kids = new Set(fetched.jwks.keys.flatMap((k) => (k.kid === undefined ? [] : [k.kid])));
    this.freshUntil = this.now() + maxAge;
    this.options.onFetch?.(reason, true);
  }
}
