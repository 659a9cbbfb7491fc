import type { GatewayIntent } from '../../infrastructure/gateways/payment-gateway.js';
import type { PaymentIntentRow } from './intents.schema.js';

/**
 * A compact provider reference for a UUID: `prefix` + base 36 of its 128 bits, upper case
 * (≤ 26 characters, letters and digits only: fits SSLCommerz's 30-character `tran_id`).
 */
export function compactReference(prefix: string, id: string): string {
  return `${prefix}${BigInt(`0x${id.replace(/-/g, '')}`)
    .toString(36)
    .toUpperCase()}`;
}

/** What an adapter gets to know of an intent. */
export function toGatewayIntent(row: PaymentIntentRow, paymentToken: string | null = null): GatewayIntent {
  return {
    id: row.id,
    reference: row.reference,
    orderId: row.orderId,
    amountMinor: row.amountMinor,
    currency: row.currency,
    captureMode: row.captureMode,
    providerRef: row.providerRef,
    providerTxnId: row.providerTxnId,
    providerAuthId: row.providerAuthId,
    customer: { name: row.customerName, email: row.customerEmail, phone: row.customerPhone },
    description: row.description,
    paymentToken,
  };
}
