import { z } from 'zod';
import { PAYMENT_STATUSES } from '../payment-intent.machine.js';
import type { PaymentIntentEventRow, PaymentIntentRow } from '../intents.schema.js';

/** A payment intent as the API shows it. */
export const IntentViewSchema = z.object({
  id: z.string().uuid(),
  orderId: z.string().uuid(),
  method: z.enum(['bkash', 'sslcommerz', 'stripe', 'paypal', 'cod']),
  status: z.enum(PAYMENT_STATUSES),
  amountMinor: z.string(),
  currency: z.string(),
  capturedMinor: z.string(),
  refundedMinor: z.string(),
  reference: z.string(),
  nextAction: z
    .union([
      z.object({ type: z.literal('redirect'), url: z.string() }),
      z.object({ type: z.literal('stripe_sdk'), clientSecret: z.string() }),
    ])
    .nullable(),
  risk: z.object({ score: z.number().int(), decision: z.enum(['allow', 'review', 'deny']) }),
  review: z.enum(['pending', 'approved', 'rejected']).nullable(),
  failure: z.object({ code: z.string(), message: z.string().nullable() }).nullable(),
  providerReference: z.string().nullable(),
  providerTransactionId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  succeededAt: z.string().nullable(),
});
export type IntentView = z.infer<typeof IntentViewSchema>;

const OPEN = new Set(['requires_action']);

export function toIntentView(row: PaymentIntentRow): IntentView {
  return {
    id: row.id,
    orderId: row.orderId,
    method: row.method,
    status: row.status,
    amountMinor: row.amountMinor.toString(),
    currency: row.currency,
    capturedMinor: row.capturedMinor.toString(),
    refundedMinor: row.refundedMinor.toString(),
    reference: row.reference,
    // Only an intent still waiting for the customer tells them where to go.
    nextAction: OPEN.has(row.status) ? (row.nextAction ?? null) : null,
    risk: { score: row.riskScore, decision: row.riskDecision },
    review: row.reviewState ?? null,
    failure: row.failureCode ? { code: row.failureCode, message: row.failureMessage } : null,
    providerReference: row.providerRef,
    providerTransactionId: row.providerTxnId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    succeededAt: row.succeededAt?.toISOString() ?? null,
  };
}

export const IntentEventViewSchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  source: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export function toIntentEventView(row: PaymentIntentEventRow) {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    detail: row.detail,
    createdAt: row.createdAt.toISOString(),
  };
}
