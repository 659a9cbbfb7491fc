import { describe, expect, it } from 'vitest';
import { permanent, retryable, sent } from '../../infrastructure/channels/send-result.js';
import { nextStep, shouldRedact } from './delivery.policy.js';

const backoff = { initialMs: 1_000, maxMs: 60_000 };

describe('nextStep', () => {
  it('marks an accepted message sent', () => {
    expect(nextStep(sent('smtp', 'id'), 1, 5, backoff)).toEqual({ status: 'sent' });
  });

  it('fails a refused message at once, whatever attempts are left', () => {
    expect(nextStep(permanent('sslwireless', 'SSL_4025', 'invalid cell number'), 1, 5, backoff)).toEqual({
      status: 'failed',
      reason: 'SSL_4025: invalid cell number',
    });
  });

  it('retries later with a growing delay, then gives up', () => {
    const error = retryable('sslwireless', 'SSL_5000', 'unknown error');
    const first = nextStep(error, 1, 3, backoff, () => 1);
    const second = nextStep(error, 2, 3, backoff, () => 1);
    expect(first).toMatchObject({ status: 'pending', retryInMs: 1_000 });
    expect(second).toMatchObject({ status: 'pending', retryInMs: 2_000 });
    expect(nextStep(error, 3, 3, backoff)).toEqual({
      status: 'dead',
      reason: 'gave up after 3 attempts: SSL_5000: unknown error',
    });
  });
});

describe('shouldRedact', () => {
  it('erases one-time codes once they are over, and nothing else', () => {
    expect(shouldRedact('otp', 'sent')).toBe(true);
    expect(shouldRedact('otp', 'dead')).toBe(true);
    expect(shouldRedact('otp', 'pending')).toBe(false);
    expect(shouldRedact('order', 'sent')).toBe(false);
  });
});
