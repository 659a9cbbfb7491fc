import { Inject, Injectable } from '@nestjs/common';
import { type Clock, newId, systemClock } from '@haat/common';
import type { Database } from '@haat/database';
import type { RequestContext } from '@haat/tenant';
import { idempotencyKeyReused, idempotencyRequestInProgress } from './idempotency.errors.js';
import {
  IDEMPOTENCY_MODULE_OPTIONS,
  type IdempotencyModuleOptions,
  type IdempotencySettings,
  IdempotencySettingsSchema,
} from './idempotency.options.js';
import { type AttemptStart, IdempotencyRepository, type IdempotencyScope } from './idempotency.repository.js';
import type { IdempotencyKeyRow } from './idempotency.schema.js';

/** The tenant id under which platform-scope requests (no tenant) keep their keys. */
export const PLATFORM_SCOPE_TENANT_ID = '00000000-0000-0000-0000-000000000000';
/** The client id of requests without a user. */
export const ANONYMOUS_CLIENT_ID = 'anonymous';

/** A response as stored and replayed. `body` is what the handler returned (undefined: nothing). */
export interface IdempotentResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The right to run the handler under a key, until `complete` or `release`. */
export interface IdempotencyAttempt {
  scope: IdempotencyScope;
  attemptId: string;
}

export type BeginOutcome =
  { kind: 'started'; attempt: IdempotencyAttempt } | { kind: 'replay'; response: IdempotentResponse };

const PURGE_BATCH = 1_000;
// A claim can lose a race to a release or takeover between its insert and its read; that many
// fresh tries settle it, and a key contended harder than that is in progress anyway.
const CLAIM_TRIES = 3;

/**
 * The `Idempotency-Key` protocol on `idempotency_keys`: claim a key (the primary key is the
 * lock), replay a completed one, refuse a reused or running one, take over a stale or expired
 * one. Each step is its own short transaction; the handler's writes are not part of them.
 */
@Injectable()
export class IdempotencyService {
  private readonly settings: IdempotencySettings;
  private readonly database: Database;
  private readonly clock: Clock;

  constructor(
    @Inject(IDEMPOTENCY_MODULE_OPTIONS) options: IdempotencyModuleOptions,
    private readonly repository: IdempotencyRepository,
  ) {
    this.settings = IdempotencySettingsSchema.parse(options);
    this.database = options.database;
    this.clock = options.clock ?? systemClock;
  }

  /** Where `ctx`'s keys live: its tenant (or the platform scope) and its user (or anonymous). */
  scopeOf(ctx: RequestContext, key: string): IdempotencyScope {
    return {
      tenantId: ctx.tenantId ?? PLATFORM_SCOPE_TENANT_ID,
      clientId: ctx.userId ?? ANONYMOUS_CLIENT_ID,
      key,
    };
  }

  /**
   * Starts a request under `key`: `started` when this caller must run the handler, `replay` with
   * the stored response when the same request already completed. Throws 422
   * `IDEMPOTENCY_KEY_REUSED` for another request under the key and 409
   * `IDEMPOTENCY_REQUEST_IN_PROGRESS` while the first one runs.
   */
  async begin(ctx: RequestContext, key: string, fingerprint: string): Promise<BeginOutcome> {
    const scope = this.scopeOf(ctx, key);
    for (let i = 0; i < CLAIM_TRIES; i++) {
      const outcome = await this.database.withTenant(scope.tenantId, async (tx) => {
        const attempt = this.attemptStart(fingerprint);
        const started: BeginOutcome = { kind: 'started', attempt: { scope, attemptId: attempt.attemptId } };
        if (await this.repository.claim(tx, scope, attempt)) return started;
        const row = await this.repository.find(tx, scope);
        if (!row) return undefined;
        if (row.expiresAt <= attempt.now) {
          return (await this.repository.takeOverExpired(tx, scope, attempt)) ? started : undefined;
        }
        if (row.fingerprint !== fingerprint) throw idempotencyKeyReused();
        if (row.status === 'completed')
          return { kind: 'replay' as const, response: this.storedResponse(row) };
        const staleBefore = new Date(attempt.now.getTime() - this.settings.staleAfterMs);
        if (row.lockedAt <= staleBefore) {
          const taken = await this.repository.takeOverStale(tx, scope, row.attemptId, staleBefore, attempt);
          return taken ? started : undefined;
        }
        throw idempotencyRequestInProgress(this.settings.retryAfterMs);
      });
      if (outcome) return outcome;
    }
    throw idempotencyRequestInProgress(this.settings.retryAfterMs);
  }

  /**
   * Stores the response of a started attempt, to be replayed until the key expires. False when
   * the attempt no longer owns the key (a retry took it over after the stale timeout).
   */
  complete(attempt: IdempotencyAttempt, response: IdempotentResponse): Promise<boolean> {
    const stored = {
      status: response.status,
      headers: response.headers,
      body: response.body === undefined ? null : JSON.stringify(response.body),
    };
    return this.database.withTenant(attempt.scope.tenantId, (tx) =>
      this.repository.complete(tx, attempt.scope, attempt.attemptId, stored, this.clock.now()),
    );
  }

  /** Forgets a started attempt (its handler failed unexpectedly), so a retry runs the handler again. */
  release(attempt: IdempotencyAttempt): Promise<boolean> {
    return this.database.withTenant(attempt.scope.tenantId, (tx) =>
      this.repository.release(tx, attempt.scope, attempt.attemptId),
    );
  }

  /**
   * Deletes every expired key of every tenant, in batches; returns how many. Run it from a
   * periodic job: expired keys are reusable without it, it only reclaims space.
   */
  async purgeExpired(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.database.transaction((tx) => this.repository.purgeExpired(tx, PURGE_BATCH));
      total += n;
      if (n < PURGE_BATCH) return total;
    }
  }

  private attemptStart(fingerprint: string): AttemptStart {
    const now = this.clock.now();
    return { fingerprint, attemptId: newId(), now, expiresAt: new Date(now.getTime() + this.settings.ttlMs) };
  }

  private storedResponse(row: IdempotencyKeyRow): IdempotentResponse {
    return {
      status: row.responseStatus ?? 200,
      headers: row.responseHeaders ?? {},
      body: row.responseBody === null ? undefined : (JSON.parse(row.responseBody) as unknown),
    };
  }
}
