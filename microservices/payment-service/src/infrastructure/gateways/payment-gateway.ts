import type { PaymentMethod } from '@haat/contracts';
import type { z } from 'zod';

/** Which of a provider's environments a tenant's credentials belong to. */
export type ProviderMode = 'sandbox' | 'live';

/** A tenant's account with one provider, decrypted for the duration of a call. */
export interface GatewayAccount<C = unknown> {
  tenantId: string;
  provider: PaymentMethod;
  mode: ProviderMode;
  credentials: C;
}

/** What an adapter knows of the intent it acts on. */
export interface GatewayIntent {
  id: string;
  /** Our compact reference at the provider (invoice number, `tran_id`, `custom_id`): ≤ 30 chars. */
  reference: string;
  orderId: string;
  amountMinor: bigint;
  currency: string;
  /** `manual` when the fraud checks hold the capture for review. */
  captureMode: 'automatic' | 'manual';
  providerRef: string | null;
  providerTxnId: string | null;
  providerAuthId: string | null;
  customer: { name: string | null; email: string | null; phone: string | null };
  description: string;
  /** A payment method token from the provider's client SDK (Stripe `pm_…`), when the client has one. */
  paymentToken: string | null;
}

/** Where the provider sends the customer's browser back, and its server notifications. */
export interface GatewayUrls {
  /** Browser return, without a trailing slash; adapters may append `/success`, `/cancel`… */
  callback: string;
  /** Server-to-server notification (IPN / webhook) URL of the tenant. */
  notify: string;
}

/** Where the provider says the payment is. */
export type ProviderStatus =
  'requires_action' | 'pending' | 'authorized' | 'captured' | 'failed' | 'canceled';

export interface ProviderState {
  status: ProviderStatus;
  /** What the provider says was paid or authorized (checked against the intent). */
  amountMinor?: bigint;
  currency?: string;
  /** An amount a notification claimed, when the provider's own answer is `amountMinor`. */
  claimedAmountMinor?: bigint;
  providerRef?: string;
  providerTxnId?: string;
  providerAuthId?: string;
  failure?: { code: string; message: string };
  /** The provider flagged the payment as risky (SSLCommerz `risk_level = 1`). */
  riskFlag?: boolean;
}

/** What the customer must do next. */
export type NextAction = { type: 'redirect'; url: string } | { type: 'stripe_sdk'; clientSecret: string };

export interface StartResult {
  providerRef: string;
  nextAction: NextAction | null;
  state: ProviderState;
}

/** A refund as adapters see it. */
export interface GatewayRefund {
  id: string;
  /** Our compact refund reference (≤ 30 chars). */
  reference: string;
  amountMinor: bigint;
  currency: string;
  reason: string;
  providerRefundId: string | null;
}

export interface RefundState {
  status: 'pending' | 'succeeded' | 'failed';
  providerRefundId?: string;
  failureReason?: string;
}

/** A notification whose signature checked out, reduced to what the service acts on. */
export interface VerifiedNotification {
  /** The provider's event id (SNS MessageId, `evt_…`, `WH-…`, SSLCommerz `val_id`/…): the inbox key. */
  eventId: string;
  /**
   * `payment`: `state` applies to the matched intent; `complete`: run the completion step
   * (the buyer approved but may never come back); `refund`: a refund changed; `ignore`: a
   * genuine event with nothing to do (another channel's payment, an event type we skip).
   */
  kind: 'payment' | 'complete' | 'refund' | 'ignore';
  match?: { providerRef?: string; reference?: string; providerTxnId?: string };
  state?: ProviderState;
  /** Re-read the payment at the provider instead of trusting the notification's copy. */
  sync?: boolean;
  refund?: RefundState & { providerRefundId: string };
  note?: string;
}

/** The raw notification as it arrived. */
export interface InboundNotification {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

/**
 * One payment provider. Every call is made with the tenant's own account (credentials, mode);
 * adapters keep no tenant state except token caches keyed by tenant and credential.
 */
export interface PaymentGateway<C = unknown> {
  readonly provider: PaymentMethod;
  /** The credentials a tenant configures for this provider. */
  readonly credentialsSchema: z.ZodType<C>;
  /** Creates the payment at the provider and says what the customer does next. */
  start(account: GatewayAccount<C>, intent: GatewayIntent, urls: GatewayUrls): Promise<StartResult>;
  /**
   * The customer's browser came back (`params` = query or form): finish what the provider needs
   * (execute, capture, validate) and report the state. Throws `PAYMENT_CALLBACK_MISMATCH` when
   * the parameters name another payment.
   */
  complete(
    account: GatewayAccount<C>,
    intent: GatewayIntent,
    params: Record<string, string>,
  ): Promise<ProviderState>;
  /** Reads the payment's current state at the provider. */
  sync(account: GatewayAccount<C>, intent: GatewayIntent): Promise<ProviderState>;
  /** Captures a held authorization. */
  capture(account: GatewayAccount<C>, intent: GatewayIntent): Promise<ProviderState>;
  /** Voids an authorization or cancels an unpaid payment. */
  cancel(account: GatewayAccount<C>, intent: GatewayIntent): Promise<ProviderState>;
  refund(account: GatewayAccount<C>, intent: GatewayIntent, refund: GatewayRefund): Promise<RefundState>;
  refundStatus(
    account: GatewayAccount<C>,
    intent: GatewayIntent,
    refund: GatewayRefund,
  ): Promise<RefundState>;
  /** Verifies a notification's signature before anything else; throws `PAYMENT_WEBHOOK_SIGNATURE_INVALID`. */
  verifyNotification(
    account: GatewayAccount<C>,
    notification: InboundNotification,
  ): Promise<VerifiedNotification>;
}
