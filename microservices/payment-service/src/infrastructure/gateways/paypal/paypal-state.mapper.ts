import type { ProviderState, RefundState } from '../payment-gateway.js';
import { fromMajor } from '../provider-money.js';

interface Money {
  currency_code?: string;
  value?: string;
}
interface Capture {
  id?: string;
  status?: string;
  amount?: Money;
  status_details?: { reason?: string };
}
interface Authorization {
  id?: string;
  status?: string;
  amount?: Money;
}
/** The fields of an Orders v2 order the adapter reads. */
export interface PaypalOrderBody {
  id?: string;
  status?: string;
  purchase_units?: { payments?: { captures?: Capture[]; authorizations?: Authorization[] } }[];
  links?: { href?: string; rel?: string }[];
}

function amountOf(m: Money | undefined): Pick<ProviderState, 'amountMinor' | 'currency'> {
  if (!m?.currency_code) return {};
  const amountMinor = fromMajor(m.value, m.currency_code);
  return amountMinor === undefined
    ? { currency: m.currency_code }
    : { amountMinor, currency: m.currency_code };
}

/** Maps one capture (order capture, authorization capture or webhook resource). */
export function paypalCaptureState(capture: Capture, orderId?: string): ProviderState {
  const base = {
    ...amountOf(capture.amount),
    ...(capture.id ? { providerTxnId: capture.id } : {}),
    ...(orderId ? { providerRef: orderId } : {}),
  };
  switch (capture.status) {
    case 'COMPLETED':
    case 'PARTIALLY_REFUNDED':
    case 'REFUNDED':
      return { status: 'captured', ...base };
    case 'PENDING':
      return { status: 'pending', ...base };
    default:
      return {
        status: 'failed',
        ...base,
        failure: {
          code: `PAYPAL_CAPTURE_${capture.status ?? 'FAILED'}`,
          message: capture.status_details?.reason ?? 'PayPal did not capture the payment',
        },
      };
  }
}

/** Maps an authorization. */
export function paypalAuthorizationState(auth: Authorization, orderId?: string): ProviderState {
  const base = {
    ...amountOf(auth.amount),
    ...(auth.id ? { providerAuthId: auth.id } : {}),
    ...(orderId ? { providerRef: orderId } : {}),
  };
  if (auth.status === 'CREATED' || auth.status === 'PENDING') return { status: 'authorized', ...base };
  if (auth.status === 'VOIDED') return { status: 'canceled', ...base };
  if (auth.status === 'CAPTURED') return { status: 'captured', ...base };
  return {
    status: 'failed',
    ...base,
    failure: {
      code: `PAYPAL_AUTHORIZATION_${auth.status ?? 'DENIED'}`,
      message: 'PayPal did not authorize the payment',
    },
  };
}

/** Maps an order. */
export function paypalOrderState(order: PaypalOrderBody): ProviderState {
  const payments = order.purchase_units?.[0]?.payments;
  const capture = payments?.captures?.[payments.captures.length - 1];
  if (capture) return paypalCaptureState(capture, order.id);
  const auth = payments?.authorizations?.[0];
  if (auth) return paypalAuthorizationState(auth, order.id);
  if (order.status === 'VOIDED')
    return { status: 'canceled', ...(order.id ? { providerRef: order.id } : {}) };
  return { status: 'requires_action', ...(order.id ? { providerRef: order.id } : {}) };
}

/** Maps a refund's status. */
export function paypalRefundState(refund: { id?: string; status?: string }): RefundState {
  const status =
    refund.status === 'COMPLETED'
      ? 'succeeded'
      : refund.status === 'FAILED' || refund.status === 'CANCELLED'
        ? 'failed'
        : 'pending';
  return { status, ...(refund.id ? { providerRefundId: refund.id } : {}) };
}
