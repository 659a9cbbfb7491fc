import type { NotificationCategory } from '@haat/contracts';
import { backoffDelay, type BackoffOptions } from '@haat/messaging';
import type { SendResult } from '../../infrastructure/channels/send-result.js';

/** Where a delivery goes after one send. */
export type NextStep =
  | { status: 'sent' }
  | { status: 'failed'; reason: string }
  | { status: 'dead'; reason: string }
  | { status: 'pending'; reason: string; retryInMs: number };

/**
 * After a send: accepted → sent; refused for good → failed; refused for now → another try after
 * an exponential backoff with jitter, or dead once the attempts are used up.
 */
export function nextStep(
  result: SendResult,
  attempt: number,
  maxAttempts: number,
  backoff: BackoffOptions,
  random: () => number = Math.random,
): NextStep {
  if (result.outcome === 'sent') return { status: 'sent' };
  const reason = `${result.errorCode}: ${result.error}`;
  if (result.outcome === 'permanent_error') return { status: 'failed', reason };
  if (attempt >= maxAttempts)
    return { status: 'dead', reason: `gave up after ${attempt} attempts: ${reason}` };
  return { status: 'pending', reason, retryInMs: backoffDelay(attempt, backoff, random) };
}

/** One-time codes are erased from the log once their delivery is over: they are secrets. */
export function shouldRedact(category: NotificationCategory | string, status: NextStep['status']): boolean {
  return category === 'otp' && status !== 'pending';
}
