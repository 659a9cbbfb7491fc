import { ConflictError } from '@haat/common';

/** Where a payment intent is. */
export const PAYMENT_STATUSES = [
  'requires_action',
  'processing',
  'succeeded',
  'failed',
  'canceled',
  'partially_refunded',
  'refunded',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * The transition table: from each status, where it may go.
 * - `requires_action`: the customer must act at the provider (redirect, 3-D Secure, approval).
 * - `processing`: nothing for the customer to do: the provider is settling, an authorization
 *   or a payment waits for staff review, or cash waits for the courier.
 * - `succeeded` → refunds; `failed`, `canceled`, `refunded` are final.
 * `processing → requires_action` is a held payment approved before the customer paid.
 */
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  requires_action: ['processing', 'succeeded', 'failed', 'canceled'],
  processing: ['requires_action', 'succeeded', 'failed', 'canceled'],
  succeeded: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  failed: [],
  canceled: [],
  refunded: [],
};

/** Statuses the payment can no longer leave. */
export const FINAL_STATUSES: ReadonlySet<PaymentStatus> = new Set(['failed', 'canceled', 'refunded']);

/** Statuses with money captured (refundable). */
export const CAPTURED_STATUSES: ReadonlySet<PaymentStatus> = new Set(['succeeded', 'partially_refunded']);

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

/** Throws 409 `PAYMENT_ILLEGAL_TRANSITION` unless `from → to` is in the table. */
export function assertTransition(from: PaymentStatus, to: PaymentStatus): void {
  if (!canTransition(from, to)) {
    throw new ConflictError('PAYMENT_ILLEGAL_TRANSITION', `A payment cannot go from ${from} to ${to}`, {
      from,
      to,
    });
  }
}

/** The status after refunds reach `refundedMinor` of `capturedMinor`. */
export function statusAfterRefunds(capturedMinor: bigint, refundedMinor: bigint): PaymentStatus {
  if (refundedMinor <= 0n) return 'succeeded';
  return refundedMinor >= capturedMinor ? 'refunded' : 'partially_refunded';
}
