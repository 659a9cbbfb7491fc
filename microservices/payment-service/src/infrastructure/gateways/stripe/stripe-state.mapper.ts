import type { ProviderState, RefundState } from '../payment-gateway.js';

/** The fields of a PaymentIntent the adapter reads. */
export interface StripePaymentIntent {
  id: string;
  status: string;
  amount: number;
  amount_received?: number;
  amount_capturable?: number;
  currency: string;
  latest_charge?: string | null;
  client_secret?: string;
  last_payment_error?: { code?: string; decline_code?: string; message?: string } | null;
  next_action?: { type?: string; redirect_to_url?: { url?: string } } | null;
}

export function isPaymentIntent(value: unknown): value is StripePaymentIntent {
  const v = value as Partial<StripePaymentIntent> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    v.id.startsWith('pi_') &&
    typeof v.status === 'string' &&
    typeof v.amount === 'number'
  );
}

/** Maps a PaymentIntent (API answer or webhook copy) to a provider state. */
export function stripeState(pi: StripePaymentIntent): ProviderState {
  const currency = pi.currency.toUpperCase();
  const base = {
    providerRef: pi.id,
    currency,
    ...(pi.latest_charge ? { providerTxnId: pi.latest_charge } : {}),
  };
  switch (pi.status) {
    case 'succeeded':
      return { status: 'captured', ...base, amountMinor: BigInt(pi.amount_received ?? pi.amount) };
    case 'requires_capture':
      return {
        status: 'authorized',
        ...base,
        amountMinor: BigInt(pi.amount_capturable ?? pi.amount),
        providerAuthId: pi.id,
      };
    case 'processing':
      return { status: 'pending', ...base };
    case 'canceled':
      return { status: 'canceled', ...base };
    case 'requires_payment_method': {
      const error = pi.last_payment_error;
      if (!error) return { status: 'requires_action', ...base };
      const code = (error.decline_code ?? error.code ?? 'card_declined').toUpperCase();
      return {
        status: 'failed',
        ...base,
        failure: {
          code: `CARD_${code.replace(/^CARD_/, '')}`,
          message: error.message ?? 'The card was declined',
        },
      };
    }
    default:
      return { status: 'requires_action', ...base };
  }
}

/** Maps a Refund object's status. */
export function stripeRefundState(refund: {
  id: string;
  status?: string;
  failure_reason?: string | null;
}): RefundState {
  const status =
    refund.status === 'succeeded'
      ? 'succeeded'
      : refund.status === 'failed' || refund.status === 'canceled'
        ? 'failed'
        : 'pending';
  return {
    status,
    providerRefundId: refund.id,
    ...(refund.failure_reason ? { failureReason: refund.failure_reason } : {}),
  };
}
