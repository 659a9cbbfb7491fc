import { describe, expect, it } from 'vitest';
import { rateLimitHeaders, retryAfterMs } from './rate-limit.headers.js';
import type { LimitOutcome } from './rate-limit.types.js';

const outcome = (o: Partial<LimitOutcome>): LimitOutcome => ({
  policy: 'ip',
  limit: 300,
  windowMs: 60_000,
  remaining: 12,
  resetInMs: 47_200,
  exceeded: false,
  ...o,
});

describe('rate limit headers', () => {
  it('lists every policy as a structured-field item', () => {
    expect(
      rateLimitHeaders([
        outcome({}),
        outcome({ policy: 'tenant', limit: 1000, remaining: 700, resetInMs: 100 }),
      ]),
    ).toEqual({
      'ratelimit-policy': '"ip";q=300;w=60, "tenant";q=1000;w=60',
      ratelimit: '"ip";r=12;t=48, "tenant";r=700;t=1',
    });
  });

  it('sends nothing when no policy was counted', () => {
    expect(rateLimitHeaders([])).toEqual({});
  });

  it('waits for the last exceeded window, at least a second', () => {
    expect(retryAfterMs([outcome({ resetInMs: 5_000 }), outcome({ resetInMs: 20_000 })])).toBe(20_000);
    expect(retryAfterMs([outcome({ resetInMs: 10 })])).toBe(1000);
  });
});
