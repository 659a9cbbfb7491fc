import type { LimitOutcome } from './rate-limit.types.js';

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * `RateLimit-Policy` and `RateLimit` as in draft-ietf-httpapi-ratelimit-headers-10: a
 * Structured Fields list with one item per policy, e.g.
 * `RateLimit-Policy: "ip";q=300;w=60, "tenant";q=1000;w=60` and
 * `RateLimit: "ip";r=12;t=48, "tenant";r=700;t=48` (q quota, w window s, r remaining, t reset s).
 */
export function rateLimitHeaders(outcomes: readonly LimitOutcome[]): Record<string, string> {
  if (outcomes.length === 0) return {};
  return {
    'ratelimit-policy': outcomes.map((o) => `"${o.policy}";q=${o.limit};w=${seconds(o.windowMs)}`).join(', '),
    ratelimit: outcomes.map((o) => `"${o.policy}";r=${o.remaining};t=${seconds(o.resetInMs)}`).join(', '),
  };
}

/** Milliseconds until every exceeded window has reset (for `Retry-After`). */
export function retryAfterMs(exceeded: readonly LimitOutcome[]): number {
  return Math.max(1000, ...exceeded.map((o) => o.resetInMs));
}
