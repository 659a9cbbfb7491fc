/** Exponential backoff: `initialMs · 2^(attempt-1)`, capped at `maxMs`. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_CONSUMER_BACKOFF: BackoffOptions = { initialMs: 200, maxMs: 60_000 };

/**
 * The delay before retry number `attempt` (1 = after the first failure), with "equal jitter":
 * half the exponential delay plus a random half, so failing consumers in several processes do
 * not retry in lock-step while the delay still grows.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
