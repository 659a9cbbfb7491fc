import {
  callbackMismatch,
  credentialsRejected,
  notificationMalformed,
  providerUnavailable,
} from '../gateway.errors.js';
import type {
  GatewayAccount,
  GatewayIntent,
  GatewayRefund,
  GatewayUrls,
  InboundNotification,
  NextAction,
  PaymentGateway,
  ProviderState,
  RefundState,
  StartResult,
  VerifiedNotification,
} from '../payment-gateway.js';
import type { ProviderEndpoints } from '../provider-endpoints.js';
import { isProviderTimeout, type ProviderAnswer, type ProviderHttp } from '../provider-http.js';
import { headerValue } from '../provider-money.js';
import { type StripeCredentials, StripeCredentialsSchema } from './stripe.credentials.js';
import { verifyStripeSignature } from './stripe-signature.js';
import {
  isPaymentIntent,
  type StripePaymentIntent,
  stripeRefundState,
  stripeState,
} from './stripe-state.mapper.js';

type Account = GatewayAccount<StripeCredentials>;
const API_VERSION = '2025-10-29.clover';

function stripeError(answer: ProviderAnswer): { code: string; message: string; pi?: unknown } {
  const error = (answer.body?.error ?? {}) as Record<string, unknown>;
  const code =
    typeof error.decline_code === 'string'
      ? error.decline_code
      : typeof error.code === 'string'
        ? error.code
        : `http_${answer.status}`;
  return {
    code,
    message: typeof error.message === 'string' ? error.message : 'Stripe refused the request',
    pi: error.payment_intent,
  };
}

/**
 * Stripe PaymentIntents (create, confirm, capture, cancel) and Refunds over the form-encoded API
 * with `Idempotency-Key` on every POST (derived from our ids, so a retry after a timeout gets
 * Stripe's replay), and `Stripe-Signature` webhooks verified with tolerance
 * (shared/gateways/stripe.md). Hand-written rather than the `stripe` package: a dozen form calls,
 * and the base URL must point at a sandbox per tenant mode.
 */
export class StripeAdapter implements PaymentGateway<StripeCredentials> {
  readonly provider = 'stripe' as const;
  readonly credentialsSchema = StripeCredentialsSchema;

  constructor(
    private readonly http: ProviderHttp,
    private readonly endpoints: ProviderEndpoints,
    private readonly now: () => number = Date.now,
  ) {}

  private async call(
    account: Account,
    method: 'GET' | 'POST',
    path: string,
    params: Record<string, string> = {},
    idempotencyKey?: string,
  ): Promise<ProviderAnswer> {
    // Keyed calls may be sent twice: Stripe replays the first answer to the same Idempotency-Key.
    const client = this.http.client('stripe', this.endpoints.stripe[account.mode], idempotencyKey ? 2 : 0);
    const form = new URLSearchParams(params).toString();
    const send = () =>
      this.http.send('stripe', client, {
        method,
        path,
        ...(method === 'GET' ? { query: params } : { body: form }),
        headers: {
          authorization: `Bearer ${account.credentials.secretKey}`,
          'stripe-version': API_VERSION,
          accept: 'application/json',
          ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
      });
    let answer: ProviderAnswer;
    try {
      answer = await send();
    } catch (err) {
      // A timed-out call may have executed: only a keyed (or read) call is safe to send again.
      if (!isProviderTimeout(err) || (method === 'POST' && !idempotencyKey)) throw err;
      answer = await send();
    }
    if (answer.status === 401) throw credentialsRejected('stripe');
    if (answer.status >= 500 || answer.status === 429 || !answer.body) {
      throw providerUnavailable('stripe', `HTTP ${answer.status}`);
    }
    return answer;
  }

  /** A PaymentIntent answer as a state; a 402 decline carries the intent in its error. */
  private stateOf(answer: ProviderAnswer): ProviderState {
    if (answer.status === 200 && isPaymentIntent(answer.body)) return stripeState(answer.body);
    const error = stripeError(answer);
    if (isPaymentIntent(error.pi)) {
      const state = stripeState(error.pi);
      if (state.status === 'failed') return state;
    }
    return {
      status: 'failed',
      failure: { code: `STRIPE_${error.code.toUpperCase()}`, message: error.message },
    };
  }

  private nextAction(account: Account, pi: StripePaymentIntent, returnUrl: string): NextAction | null {
    if (pi.status === 'requires_action' && pi.next_action?.redirect_to_url?.url) {
      return { type: 'redirect', url: pi.next_action.redirect_to_url.url };
    }
    if (pi.status !== 'requires_payment_method' && pi.status !== 'requires_confirmation') return null;
    const hosted = this.endpoints.stripe.sandboxCheckoutUrl;
    if (account.mode === 'sandbox' && hosted && pi.client_secret) {
      const url = new URL(`${hosted}/${pi.id}`);
      url.searchParams.set('client_secret', pi.client_secret);
      url.searchParams.set('return_url', returnUrl);
      return { type: 'redirect', url: url.toString() };
    }
    return pi.client_secret ? { type: 'stripe_sdk', clientSecret: pi.client_secret } : null;
  }

  async start(account: Account, intent: GatewayIntent, urls: GatewayUrls): Promise<StartResult> {
    const created = await this.call(
      account,
      'POST',
      '/v1/payment_intents',
      {
        amount: intent.amountMinor.toString(),
        currency: intent.currency.toLowerCase(),
        capture_method: intent.captureMode,
        'payment_method_types[]': 'card',
        description: intent.description.slice(0, 1000),
        'metadata[intent_id]': intent.id,
        'metadata[order_id]': intent.orderId,
        'metadata[reference]': intent.reference,
        ...(intent.customer.email ? { receipt_email: intent.customer.email } : {}),
      },
      `${intent.id}:create`,
    );
    if (!isPaymentIntent(created.body)) {
      const state = this.stateOf(created);
      return { providerRef: '', nextAction: null, state };
    }
    let pi = created.body;
    if (intent.paymentToken) {
      const confirmed = await this.call(
        account,
        'POST',
        `/v1/payment_intents/${pi.id}/confirm`,
        { payment_method: intent.paymentToken, return_url: urls.callback },
        `${intent.id}:confirm`,
      );
      const state = this.stateOf(confirmed);
      if (!isPaymentIntent(confirmed.body))
        return { providerRef: pi.id, nextAction: null, state: { ...state, providerRef: pi.id } };
      pi = confirmed.body;
    }
    return {
      providerRef: pi.id,
      nextAction: this.nextAction(account, pi, urls.callback),
      state: stripeState(pi),
    };
  }

  async complete(
    account: Account,
    intent: GatewayIntent,
    params: Record<string, string>,
  ): Promise<ProviderState> {
    if (!intent.providerRef || params.payment_intent !== intent.providerRef) throw callbackMismatch('stripe');
    return this.sync(account, intent);
  }

  async sync(account: Account, intent: GatewayIntent): Promise<ProviderState> {
    if (!intent.providerRef) return { status: 'requires_action' };
    return this.stateOf(await this.call(account, 'GET', `/v1/payment_intents/${intent.providerRef}`));
  }

  async capture(account: Account, intent: GatewayIntent): Promise<ProviderState> {
    const answer = await this.call(
      account,
      'POST',
      `/v1/payment_intents/${intent.providerRef}/capture`,
      {},
      `${intent.id}:capture`,
    );
    return answer.status === 200 ? this.stateOf(answer) : this.sync(account, intent);
  }

  async cancel(account: Account, intent: GatewayIntent): Promise<ProviderState> {
    if (!intent.providerRef) return { status: 'canceled' };
    const answer = await this.call(
      account,
      'POST',
      `/v1/payment_intents/${intent.providerRef}/cancel`,
      { cancellation_reason: 'requested_by_customer' },
      `${intent.id}:cancel`,
    );
    return answer.status === 200 ? this.stateOf(answer) : this.sync(account, intent);
  }

  private async createRefund(
    account: Account,
    intent: GatewayIntent,
    refund: GatewayRefund,
  ): Promise<RefundState> {
    const answer = await this.call(
      account,
      'POST',
      '/v1/refunds',
      {
        payment_intent: intent.providerRef ?? '',
        amount: refund.amountMinor.toString(),
        reason: 'requested_by_customer',
        'metadata[refund_id]': refund.id,
        'metadata[intent_id]': intent.id,
      },
      `refund:${refund.id}`,
    );
    const b = answer.body ?? {};
    if (answer.status === 200 && typeof b.id === 'string')
      return stripeRefundState(b as { id: string; status?: string });
    const error = stripeError(answer);
    return { status: 'failed', failureReason: `${error.code}: ${error.message}` };
  }

  refund(account: Account, intent: GatewayIntent, refund: GatewayRefund): Promise<RefundState> {
    return this.createRefund(account, intent, refund);
  }

  async refundStatus(account: Account, intent: GatewayIntent, refund: GatewayRefund): Promise<RefundState> {
    // Without an id the first call never answered: the same Idempotency-Key gets Stripe's replay.
    if (!refund.providerRefundId) return this.createRefund(account, intent, refund);
    const answer = await this.call(account, 'GET', `/v1/refunds/${refund.providerRefundId}`);
    const b = answer.body ?? {};
    if (answer.status === 200 && typeof b.id === 'string')
      return stripeRefundState(b as { id: string; status?: string });
    throw providerUnavailable('stripe', `refund lookup answered HTTP ${answer.status}`);
  }

  async verifyNotification(
    account: Account,
    notification: InboundNotification,
  ): Promise<VerifiedNotification> {
    verifyStripeSignature({
      header: headerValue(notification.headers, 'stripe-signature'),
      rawBody: notification.rawBody,
      secrets: [account.credentials.webhookSecret, ...account.credentials.previousWebhookSecrets],
      toleranceMs: this.endpoints.stripe.toleranceMs,
      nowMs: this.now(),
    });
    let event: { id?: unknown; type?: unknown; data?: { object?: unknown } };
    try {
      event = JSON.parse(notification.rawBody.toString('utf8')) as typeof event;
    } catch {
      throw notificationMalformed('stripe', 'the body is not JSON');
    }
    if (typeof event.id !== 'string' || typeof event.type !== 'string')
      throw notificationMalformed('stripe', 'not an event');
    const object = event.data?.object;
    if (event.type.startsWith('payment_intent.') && isPaymentIntent(object)) {
      return {
        eventId: event.id,
        kind: 'payment',
        match: { providerRef: object.id },
        state: stripeState(object),
      };
    }
    const refund = object as {
      id?: unknown;
      object?: unknown;
      status?: string;
      failure_reason?: string | null;
    };
    if (
      (event.type.startsWith('refund.') || event.type === 'charge.refund.updated') &&
      typeof refund.id === 'string' &&
      refund.object === 'refund'
    ) {
      const state = stripeRefundState({
        id: refund.id,
        status: refund.status,
        failure_reason: refund.failure_reason,
      });
      return { eventId: event.id, kind: 'refund', refund: { ...state, providerRefundId: refund.id } };
    }
    return { eventId: event.id, kind: 'ignore', note: `event ${event.type} is not used` };
  }
}
