import { randomBytes } from 'node:crypto';

/** An account of the fake: its secret key and webhook endpoint secrets (current first). */
export interface StripeAccount {
  secretKey: string;
  webhookSecrets: string[];
  /** When set, events are POSTed here as they happen (the embedded demo). */
  webhookUrl?: string;
}

export type PaymentIntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

export interface StripeError {
  type: 'card_error' | 'invalid_request_error' | 'api_error' | 'authentication_error' | 'idempotency_error';
  code?: string;
  decline_code?: string;
  message: string;
  param?: string;
}

export interface PaymentIntentObject {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  capture_method: 'automatic' | 'automatic_async' | 'manual';
  client_secret: string;
  confirmation_method: 'automatic' | 'manual';
  currency: string;
  customer: string | null;
  description: string | null;
  last_payment_error: (StripeError & { payment_method?: { id: string } }) | null;
  latest_charge: string | null;
  metadata: Record<string, string>;
  next_action: { type: 'redirect_to_url'; redirect_to_url: { url: string; return_url: string } } | null;
  payment_method: string | null;
  payment_method_types: string[];
  status: PaymentIntentStatus;
  canceled_at: number | null;
  cancellation_reason: string | null;
  created: number;
  livemode: false;
  return_url?: string;
}

export interface RefundObject {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  status: 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';
  reason: string | null;
  failure_reason: string | null;
  metadata: Record<string, string>;
  balance_transaction: string;
  created: number;
}

/** What a magic test PaymentMethod does on confirmation (shared/gateways/stripe.md §5). */
export type CardBehaviour =
  | { kind: 'succeed' }
  | { kind: 'decline'; code: string; decline_code?: string; message: string }
  | { kind: 'authenticate' }
  | { kind: 'processing' };

export const TEST_PAYMENT_METHODS: Record<string, CardBehaviour> = {
  pm_card_visa: { kind: 'succeed' },
  pm_card_mastercard: { kind: 'succeed' },
  pm_card_chargeDeclined: {
    kind: 'decline',
    code: 'card_declined',
    decline_code: 'generic_decline',
    message: 'Your card was declined.',
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    kind: 'decline',
    code: 'card_declined',
    decline_code: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  pm_card_chargeDeclinedProcessingError: {
    kind: 'decline',
    code: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
  pm_card_chargeDeclinedFraudulent: {
    kind: 'decline',
    code: 'card_declined',
    decline_code: 'fraudulent',
    message: 'Your card was declined.',
  },
  pm_card_authenticationRequired: { kind: 'authenticate' },
  // Not a Stripe id: the fake's stand-in for methods that settle asynchronously.
  pm_card_processing: { kind: 'processing' },
};

export function stripeId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
}

export const unix = () => Math.floor(Date.now() / 1000);
