import { PaymentFailedV1, PaymentRefundedV1, PaymentSucceededV1 } from '@haat/contracts';
import { envelope } from '@haat/messaging';
import type { TenantContext } from '@haat/tenant';
import type { PaymentIntentRow } from './intents.schema.js';

const aggregate = (row: PaymentIntentRow) => ({ aggregateType: 'payment-intent', aggregateId: row.id });
const base = (row: PaymentIntentRow) => ({
  intentId: row.id,
  orderId: row.orderId,
  method: row.method,
  currency: row.currency,
});

/** `payment.succeeded.v1` for an intent that just succeeded. */
export function paymentSucceeded(ctx: TenantContext, row: PaymentIntentRow, at: Date) {
  return envelope(PaymentSucceededV1, ctx, {
    ...aggregate(row),
    payload: {
      ...base(row),
      amountMinor: row.capturedMinor.toString(),
      providerTransactionId: row.providerTxnId,
      succeededAt: at.toISOString(),
    },
  });
}

/** `payment.failed.v1` for an intent that failed or was canceled. */
export function paymentFailed(ctx: TenantContext, row: PaymentIntentRow, at: Date) {
  return envelope(PaymentFailedV1, ctx, {
    ...aggregate(row),
    payload: {
      ...base(row),
      amountMinor: row.amountMinor.toString(),
      outcome: row.status === 'canceled' ? 'canceled' : 'failed',
      reason: row.failureCode ?? (row.status === 'canceled' ? 'CANCELED' : 'FAILED'),
      message: row.failureMessage,
      failedAt: at.toISOString(),
    },
  });
}

/** `payment.refunded.v1` for a refund the provider confirmed. */
export function paymentRefunded(
  ctx: TenantContext,
  row: PaymentIntentRow,
  refund: { id: string; amountMinor: bigint },
  at: Date,
) {
  return envelope(PaymentRefundedV1, ctx, {
    ...aggregate(row),
    payload: {
      ...base(row),
      refundId: refund.id,
      amountMinor: refund.amountMinor.toString(),
      refundedTotalMinor: row.refundedMinor.toString(),
      fullyRefunded: row.refundedMinor >= row.capturedMinor,
      refundedAt: at.toISOString(),
    },
  });
}
