import { createSign, randomBytes, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { SANDBOX_SIGNING_KEY_PEM } from '../sandbox-signing.keys.js';

/** A REST app of the fake: its client credentials and the id of its webhook listener. */
export interface PaypalApp {
  clientId: string;
  clientSecret: string;
  webhookId: string;
  /** When set, events are POSTed here as they happen (the embedded demo). */
  webhookUrl?: string;
}

export interface PaypalMoney {
  currency_code: string;
  value: string;
}

export interface PaypalLink {
  href: string;
  rel: string;
  method: string;
}

export interface PaypalCapture {
  id: string;
  status: 'COMPLETED' | 'DECLINED' | 'PARTIALLY_REFUNDED' | 'PENDING' | 'REFUNDED' | 'FAILED';
  status_details?: { reason: string };
  amount: PaypalMoney;
  final_capture: boolean;
  invoice_id?: string;
  custom_id?: string;
  create_time: string;
  update_time: string;
  supplementary_data: { related_ids: { order_id: string; authorization_id?: string } };
  links: PaypalLink[];
}

export interface PaypalAuthorization {
  id: string;
  status: 'CREATED' | 'CAPTURED' | 'DENIED' | 'PARTIALLY_CAPTURED' | 'VOIDED' | 'PENDING';
  amount: PaypalMoney;
  expiration_time: string;
  create_time: string;
  update_time: string;
  supplementary_data: { related_ids: { order_id: string } };
}

export interface PaypalRefund {
  id: string;
  status: 'CANCELLED' | 'FAILED' | 'PENDING' | 'COMPLETED';
  amount: PaypalMoney;
  invoice_id?: string;
  note_to_payer?: string;
  create_time: string;
  update_time: string;
  links: PaypalLink[];
  /** The capture it refunds (not a PayPal field; kept for lookups). */
  captureId: string;
}

export interface PaypalOrder {
  id: string;
  intent: 'CAPTURE' | 'AUTHORIZE';
  status: 'CREATED' | 'SAVED' | 'APPROVED' | 'VOIDED' | 'COMPLETED' | 'PAYER_ACTION_REQUIRED';
  purchase_units: {
    reference_id: string;
    amount: PaypalMoney;
    custom_id?: string;
    invoice_id?: string;
    description?: string;
    payments?: { captures?: PaypalCapture[]; authorizations?: PaypalAuthorization[] };
  }[];
  payer?: { payer_id: string; email_address: string; name: { given_name: string; surname: string } };
  create_time: string;
  update_time: string;
  links: PaypalLink[];
  /** Fake-only: where the buyer goes back, and whether they picked a declining instrument. */
  returnUrl?: string;
  cancelUrl?: string;
  declineInstrument?: boolean;
}

/** Currencies PayPal settles (BDT is not one). */
export const PAYPAL_CURRENCIES = new Set([
  'USD',
  'EUR',
  'GBP',
  'AUD',
  'CAD',
  'JPY',
  'SGD',
  'MYR',
  'HKD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'NZD',
]);

export const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export function paypalId(length = 17): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
}

/** `PAYPAL-TRANSMISSION-*` headers for `body`, signed with the sandbox key the CRC32 way (paypal.md §7.3). */
export function paypalTransmissionHeaders(
  body: string,
  webhookId: string,
  certUrl: string,
): Record<string, string> {
  const transmissionId = randomUUID();
  const time = nowIso();
  const signer = createSign('RSA-SHA256');
  signer.update(`${transmissionId}|${time}|${webhookId}|${crc32(Buffer.from(body, 'utf8'))}`);
  return {
    'content-type': 'application/json',
    'paypal-transmission-id': transmissionId,
    'paypal-transmission-time': time,
    'paypal-transmission-sig': signer.sign(SANDBOX_SIGNING_KEY_PEM, 'base64'),
    'paypal-cert-url': certUrl,
    'paypal-auth-algo': 'SHA256withRSA',
  };
}
