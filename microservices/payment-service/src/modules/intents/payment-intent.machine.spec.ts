import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  canTransition,
  FINAL_STATUSES,
  PAYMENT_STATUSES,
  PAYMENT_TRANSITIONS,
  statusAfterRefunds,
} from './payment-intent.machine.js';

describe('payment intent transitions', () => {
  it('lets a payment succeed or fail from either open status', () => {
    for (const from of ['requires_action', 'processing'] as const) {
      expect(canTransition(from, 'succeeded')).toBe(true);
      expect(canTransition(from, 'failed')).toBe(true);
      expect(canTransition(from, 'canceled')).toBe(true);
    }
  });

  it('refunds only captured payments, several partials then full', () => {
    expect(canTransition('succeeded', 'partially_refunded')).toBe(true);
    expect(canTransition('partially_refunded', 'partially_refunded')).toBe(true);
    expect(canTransition('partially_refunded', 'refunded')).toBe(true);
    expect(canTransition('processing', 'refunded')).toBe(false);
    expect(canTransition('succeeded', 'failed')).toBe(false);
  });

  it('keeps final statuses final', () => {
    for (const status of FINAL_STATUSES) expect(PAYMENT_TRANSITIONS[status]).toEqual([]);
    expect(() => assertTransition('failed', 'succeeded')).toThrow(
      expect.objectContaining({ code: 'PAYMENT_ILLEGAL_TRANSITION', status: 409 }),
    );
  });

  it('never lets a stale event move a payment back', () => {
    expect(canTransition('succeeded', 'processing')).toBe(false);
    expect(canTransition('succeeded', 'requires_action')).toBe(false);
    expect(PAYMENT_STATUSES.every((s) => !canTransition(s, 'requires_action') || s === 'processing')).toBe(
      true,
    );
  });

  it('derives the status from the refunded total', () => {
    expect(statusAfterRefunds(1000n, 0n)).toBe('succeeded');
    expect(statusAfterRefunds(1000n, 400n)).toBe('partially_refunded');
    expect(statusAfterRefunds(1000n, 1000n)).toBe('refunded');
  });
});
