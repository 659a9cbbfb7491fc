import type { LimitOutcome, LimitRule, RateLimitStore } from './rate-limit.types.js';

/** What the limiter decided for one request. */
export interface RateLimitDecision {
  /** Every policy that was counted (empty when the store failed and the limiter failed open). */
  outcomes: LimitOutcome[];
  /** The policies this request went over. */
  exceeded: LimitOutcome[];
}

const NO_DECISION: RateLimitDecision = { outcomes: [], exceeded: [] };

/**
 * Counts a request against its rules. When the store cannot be reached the request is let
 * through (fail open): a Redis outage must not take the platform down with it; the outage is
 * reported through `onStoreFailure` (logged at most every few seconds by the caller).
 */
export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly onStoreFailure: (error: unknown) => void,
  ) {}

  async check(rules: readonly LimitRule[]): Promise<RateLimitDecision> {
    if (rules.length === 0) return NO_DECISION;
    let counts;
    try {
      counts = await this.store.hit(rules);
    } catch (error) {
      this.onStoreFailure(error);
      return NO_DECISION;
    }
    const outcomes = rules.map((rule, i): LimitOutcome => {
      const count = counts[i]?.count ?? 0;
      return {
        policy: rule.policy,
        limit: rule.limit,
        windowMs: rule.windowMs,
        remaining: Math.max(0, rule.limit - count),
        resetInMs: Math.max(0, counts[i]?.resetInMs ?? rule.windowMs),
        exceeded: count > rule.limit,
      };
    });
    return { outcomes, exceeded: outcomes.filter((o) => o.exceeded) };
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
