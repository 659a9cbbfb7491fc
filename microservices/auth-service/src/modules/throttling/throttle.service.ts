import { Inject, Injectable } from '@nestjs/common';
import { type Clock, RateLimitedError } from '@haat/common';
import { type Database, type Tx } from '@haat/database';
import { DATABASE } from '@haat/service';
import { and, eq, inArray } from 'drizzle-orm';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { afterFailure, lockRemainingMs, startedLock, type ThrottleState } from './throttle.policy.js';
import { THROTTLE_RULES, type ThrottleRuleName } from './throttle.rules.js';
import { authThrottles } from './throttling.schema.js';
import { THROTTLE_ERRORS } from './throttling.errors.js';

/** One throttled key: what it counts (the rule) and whose failures (the key). */
export interface ThrottleKey {
  rule: ThrottleRuleName;
  key: string;
}

/** A lock that one failure started. */
export interface StartedLock extends ThrottleKey {
  failures: number;
  lockedUntil: Date;
}

/**
 * Failure counters with exponential backoff, in the database so every instance shares them.
 * A failure is recorded under a row lock, so parallel failures all count.
 */
@Injectable()
export class ThrottleService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  /** 429 `AUTH_THROTTLED` (with `Retry-After`) when any of the keys is locked now. */
  async assertAllowed(space: string, keys: readonly ThrottleKey[]): Promise<void> {
    const now = this.clock.now();
    const rows = await this.database.withTenant(space, (tx) =>
      tx
        .select()
        .from(authThrottles)
        .where(and(eq(authThrottles.tenantId, space), inArray(authThrottles.key, keys.map(storedKey)))),
    );
    const wait = Math.max(0, ...rows.map((r) => lockRemainingMs(r, now)));
    if (wait > 0) {
      throw new RateLimitedError(THROTTLE_ERRORS.throttled, 'Too many attempts; try again later', {
        retryAfterMs: wait,
      });
    }
  }

  /**
   * Counts one failure against each key; answers the keys whose first lock of the window this
   * failure started (to notify the owner).
   */
  async recordFailure(space: string, keys: readonly ThrottleKey[]): Promise<StartedLock[]> {
    return this.database.withTenant(space, async (tx) => {
      const started: StartedLock[] = [];
      for (const k of keys) {
        const after = await this.bump(tx, space, k);
        if (startedLock(after, THROTTLE_RULES[k.rule]) && after.lockedUntil) {
          started.push({ ...k, failures: after.failures, lockedUntil: after.lockedUntil });
        }
      }
      return started;
    });
  }

  /** Forgets the keys' failures (a successful sign-in, a completed reset). */
  async clear(space: string, keys: readonly ThrottleKey[]): Promise<void> {
    await this.database.withTenant(space, (tx) =>
      tx
        .delete(authThrottles)
        .where(and(eq(authThrottles.tenantId, space), inArray(authThrottles.key, keys.map(storedKey)))),
    );
  }

  private async bump(tx: Tx, space: string, k: ThrottleKey): Promise<ThrottleState> {
    const now = this.clock.now();
    const key = storedKey(k);
    await tx
      .insert(authThrottles)
      .values({ tenantId: space, key, failures: 0, windowStartedAt: now, lockedUntil: null })
      .onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(authThrottles)
      .where(and(eq(authThrottles.tenantId, space), eq(authThrottles.key, key)))
      .for('update');
    const before = row && row.failures > 0 ? row : undefined;
    const after = afterFailure(before, now, THROTTLE_RULES[k.rule]);
    await tx
      .update(authThrottles)
      .set(after)
      .where(and(eq(authThrottles.tenantId, space), eq(authThrottles.key, key)));
    return after;
  }
}

function storedKey(k: ThrottleKey): string {
  return `${k.rule}:${k.key}`.slice(0, 500);
}
