import { UnavailableError } from '@haat/common';
import { isBrokenCircuitError } from 'cockatiel';
import { AttemptTimeoutError, NetworkFailureError } from './attempt-failure.errors.js';
import { UPSTREAM_ERRORS } from './resilience.errors.js';

/** What the mapper needs to know about the client a failure came from. */
export interface FailureContext {
  upstream: string;
  timeoutMs: number;
  /** Milliseconds until the open breaker lets a probe through. */
  retryAfterMs: () => number;
}

function withCause<E extends Error>(error: E, cause: unknown): E {
  error.cause = cause;
  return error;
}

/**
 * Turns what the policies threw into the platform's `UnavailableError` codes; anything else
 * (a caller's abort, a programming error) passes through untouched.
 */
export function toUpstreamError(error: unknown, context: FailureContext): unknown {
  const { upstream } = context;
  if (isBrokenCircuitError(error)) {
    const retryAfterMs = context.retryAfterMs();
    return withCause(
      new UnavailableError(UPSTREAM_ERRORS.unavailable, `${upstream} is unavailable (circuit open)`, {
        upstream,
        retryAfterMs,
      }),
      error,
    );
  }
  if (error instanceof AttemptTimeoutError) {
    return withCause(
      new UnavailableError(
        UPSTREAM_ERRORS.timeout,
        `${upstream} did not answer within ${context.timeoutMs} ms`,
        {
          upstream,
          timeoutMs: context.timeoutMs,
        },
      ),
      error,
    );
  }
  if (error instanceof NetworkFailureError) {
    return withCause(
      new UnavailableError(UPSTREAM_ERRORS.unreachable, `${upstream} is unreachable (${error.code})`, {
        upstream,
        reason: error.code,
      }),
      error,
    );
  }
  return error;
}
