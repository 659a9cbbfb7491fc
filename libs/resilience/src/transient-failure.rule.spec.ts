import { describe, expect, it } from 'vitest';
import { AttemptTimeoutError, NetworkFailureError } from './attempt-failure.errors.js';
import { isBreakerFailure, isRetryable, isTransientStatus } from './transient-failure.rule.js';

describe('isRetryable', () => {
  it.each(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'] as const)('retries %s', (method) => {
    expect(isRetryable(method, undefined)).toBe(true);
  });

  it.each(['POST', 'PATCH'] as const)('does not retry %s without an Idempotency-Key', (method) => {
    expect(isRetryable(method, { 'content-type': 'application/json' })).toBe(false);
  });

  it('retries an unsafe request carrying an Idempotency-Key, whatever its case', () => {
    expect(isRetryable('POST', { 'Idempotency-Key': 'k' })).toBe(true);
    expect(isRetryable('PATCH', { 'idempotency-key': 'k' })).toBe(true);
  });
});

describe('transient failures', () => {
  it('are 502, 503 and 504 only', () => {
    expect([500, 501, 502, 503, 504, 429, 404].filter(isTransientStatus)).toEqual([502, 503, 504]);
  });

  it('count timeouts and network failures against the breaker, not other errors', () => {
    expect(isBreakerFailure(new AttemptTimeoutError())).toBe(true);
    expect(isBreakerFailure(new NetworkFailureError('ECONNREFUSED', undefined))).toBe(true);
    expect(isBreakerFailure(new TypeError('bug'))).toBe(false);
  });
});
