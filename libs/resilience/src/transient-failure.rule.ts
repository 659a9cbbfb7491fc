import { AttemptTimeoutError, NetworkFailureError } from './attempt-failure.errors.js';
import type { HttpMethod } from './service-client.types.js';

/**
 * Statuses that say "the upstream (or the proxy before it) is down or overloaded right now".
 * A 500 is left out on purpose: it is usually a bug triggered by one request, and counting it
 * would let a single bad input open the breaker for every caller.
 */
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

const IDEMPOTENT_METHODS = new Set<HttpMethod>(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export function isTransientStatus(status: number): boolean {
  return TRANSIENT_STATUSES.has(status);
}

/** What the breaker counts as a failure: no answer in time, no connection, or a transient status. */
export function isBreakerFailure(error: Error): boolean {
  return error instanceof AttemptTimeoutError || error instanceof NetworkFailureError;
}

/**
 * Whether sending the request twice is harmless: an idempotent method, or an unsafe one carrying
 * an `Idempotency-Key` (the upstream then answers a replay with the first result).
 */
export function isRetryable(method: HttpMethod, headers: Record<string, string> | undefined): boolean {
  if (IDEMPOTENT_METHODS.has(method)) return true;
  return Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'idempotency-key');
}
