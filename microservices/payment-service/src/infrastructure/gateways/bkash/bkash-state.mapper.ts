import { fromMajor } from '../provider-money.js';
import type { ProviderState } from '../payment-gateway.js';

/** bKash failure codes that mean "the money already moved": re-query, never fail the order. */
export const BKASH_ALREADY_DONE = new Set(['2062', '2068', '2116', '2117', '2119']);

const CUSTOMER_FAILURES: Record<string, string> = {
  '2010': 'OTP_INVALID',
  '2011': 'PIN_INVALID',
  '2014': 'PIN_WRONG',
  '2015': 'PIN_LOCKED',
  '2016': 'VERIFICATION_WRONG',
  '2017': 'VERIFICATION_LOCKED',
  '2018': 'OTP_EXPIRED',
  '2019': 'PIN_EXPIRED',
  '2023': 'INSUFFICIENT_FUNDS',
  '2057': 'NOT_A_BKASH_ACCOUNT',
  '2058': 'NOT_A_CUSTOMER_WALLET',
};

/** A stable failure code for a bKash status code. */
export function bkashFailureCode(code: string): string {
  return CUSTOMER_FAILURES[code] ?? `BKASH_${code}`;
}

/** Maps a create/execute/query answer body to a provider state. */
export function bkashState(body: Record<string, unknown>): ProviderState {
  const status = body.transactionStatus;
  const currency = typeof body.currency === 'string' ? body.currency : 'BDT';
  const amountMinor = fromMajor(body.amount, currency);
  const common = {
    ...(amountMinor !== undefined ? { amountMinor, currency } : {}),
    ...(typeof body.paymentID === 'string' ? { providerRef: body.paymentID } : {}),
    ...(typeof body.trxID === 'string' && body.trxID ? { providerTxnId: body.trxID } : {}),
  };
  switch (status) {
    case 'Completed':
      return { status: 'captured', ...common };
    case 'Authorized':
      return {
        status: 'authorized',
        ...common,
        providerAuthId: typeof body.paymentID === 'string' ? body.paymentID : undefined,
      };
    case 'Cancelled':
      return { status: 'canceled', ...common };
    case 'Failed':
    case 'Expired':
      return {
        status: 'failed',
        ...common,
        failure: {
          code: `BKASH_${String(status).toUpperCase()}`,
          message: `bKash says the payment ${String(status).toLowerCase()}`,
        },
      };
    default:
      return { status: 'requires_action', ...common };
  }
}
