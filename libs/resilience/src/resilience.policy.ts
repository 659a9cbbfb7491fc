import {
  CircuitBreakerPolicy,
  ConsecutiveBreaker,
  ExponentialBackoff,
  type IBreaker,
  type IDefaultPolicyContext,
  type IPolicy,
  SamplingBreaker,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel';
import { NetworkFailureError } from './attempt-failure.errors.js';
import { isBreakerFailure, isTransientStatus } from './transient-failure.rule.js';
import type { BreakerOptions, ServiceClientOptions } from './service-client.options.js';

/** The policies of one client; both pipelines share one breaker, so all traffic feeds it. */
export interface ClientPolicies {
  /** retry → breaker → timeout, for requests that may be sent twice. */
  retrying: IPolicy<IDefaultPolicyContext>;
  /** breaker → timeout, for requests that must be sent at most once. */
  once: IPolicy<IDefaultPolicyContext>;
  breaker: CircuitBreakerPolicy;
}

function hasTransientStatus(result: unknown): boolean {
  return (
    typeof result === 'object' &&
    result !== null &&
    'status' in result &&
    isTransientStatus(Number(result.status))
  );
}

function breakerFor(options: BreakerOptions): IBreaker {
  if ('sampling' in options) {
    return new SamplingBreaker({
      threshold: options.sampling.threshold,
      duration: options.sampling.durationMs,
      minimumRps: options.sampling.minimumRps,
    });
  }
  return new ConsecutiveBreaker(options.consecutiveFailures);
}

/**
 * Order, outermost first: retry → breaker → timeout.
 * - The timeout is innermost so it bounds each attempt, not the whole retried call, and a
 *   timed-out attempt reaches the breaker as a failure.
 * - The breaker sits inside the retry so every attempt is counted, and once it opens the next
 *   attempt fails fast with `BrokenCircuitError`, which the retry does not handle: no retry
 *   storm against a dead upstream.
 */
export function buildPolicies(options: ServiceClientOptions): ClientPolicies {
  const attemptTimeout = timeout(options.timeoutMs, TimeoutStrategy.Cooperative);
  const breaker = circuitBreaker(handleWhen(isBreakerFailure).orWhenResult(hasTransientStatus), {
    halfOpenAfter: options.breaker.halfOpenAfterMs,
    breaker: breakerFor(options.breaker),
  });
  // A timeout is not retried: a slow upstream is usually an overloaded one, and a retry would
  // multiply both its load and the caller's wait.
  const retrying = retry(
    handleWhen((error) => error instanceof NetworkFailureError).orWhenResult(hasTransientStatus),
    {
      maxAttempts: options.retries,
      backoff: new ExponentialBackoff({
        initialDelay: options.backoff?.initialDelayMs ?? 100,
        maxDelay: options.backoff?.maxDelayMs ?? 2_000,
      }),
    },
  );
  return {
    retrying: wrap(retrying, breaker, attemptTimeout),
    once: wrap(breaker, attemptTimeout),
    breaker,
  };
}
