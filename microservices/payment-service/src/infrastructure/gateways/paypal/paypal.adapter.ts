import { createHash } from 'node:crypto';
import type { CertificateCache } from '../certificate.cache.js';
import {
  callbackMismatch,
  credentialsRejected,
  currencyUnsupported,
  notificationMalformed,
  providerUnavailable,
} from '../gateway.errors.js';
import type {
  GatewayAccount,
  GatewayIntent,
  GatewayRefund,
  GatewayUrls,
  InboundNotification,
  PaymentGateway,
  ProviderState,
  RefundState,
  StartResult,
  VerifiedNotification,
} from '../payment-gateway.js';
import type { ProviderEndpoints } from '../provider-endpoints.js';
import { isProviderTimeout, type ProviderAnswer, type ProviderHttp } from '../provider-http.js';
import { toMajor } from '../provider-money.js';
import { TokenCache } from '../token.cache.js';
import { type PaypalCredentials, PaypalCredentialsSchema } from './paypal.credentials.js';
import {
  paypalAuthorizationState,
  paypalCaptureState,
  type PaypalOrderBody,
  paypalOrderState,
  paypalRefundState,
} from './paypal-state.mapper.js';
import { verifyPaypalWebhook } from './paypal-webhook.verifier.js';

type Account = GatewayAccount<PaypalCredentials>;

function issue(answer: ProviderAnswer): string {
  const details = answer.body?.details;
  const first = Array.isArray(details) ? (details[0] as { issue?: unknown } | undefined) : undefined;
  if (typeof first?.issue === 'string') return first.issue;
  return typeof answer.body?.name === 'string' ? answer.body.name : `HTTP_${answer.status}`;
}

/**
 * PayPal: OAuth2 client-credentials tokens per tenant, Orders v2 (create with the buyer's
 * approval link, capture — or authorize when the capture is held for review), authorization
 * capture/void, capture refunds, every unsafe call keyed with `PayPal-Request-Id` so a retry after
 * a timeout gets the stored result, and webhooks verified offline (CRC32 + SHA256withRSA with the
 * tenant's webhook id; shared/gateways/paypal.md).
 */
export class PaypalAdapter implements PaymentGateway<PaypalCredentials> {
  readonly provider = 'paypal' as const;
  readonly credentialsSchema = PaypalCredentialsSchema;
  private readonly tokens = new TokenCache<string>();

  constructor(
    private readonly http: ProviderHttp,
    private readonly endpoints: ProviderEndpoints,
    private readonly certificates: CertificateCache,
  ) {}

  private client(account: Account) {
    return this.http.client('paypal', this.endpoints.paypal[account.mode]);
  }

  private tokenKey(account: Account): string {
    const c = account.credentials;
    return `${account.tenantId}|${account.mode}|${createHash('sha256').update(`${c.clientId}\0${c.clientSecret}`).digest('hex')}`;
  }

  private async accessToken(account: Account): Promise<string> {
    return this.tokens.get(this.tokenKey(account), async () => {
      const c = account.credentials;
      const answer = await this.http.send('paypal', this.client(account), {
        method: 'POST',
        path: '/v1/oauth2/token',
        headers: {
          authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
      });
      const token = answer.body?.access_token;
      if (answer.status === 401 || answer.status === 400) throw credentialsRejected('paypal');
      if (answer.status !== 200 || typeof token !== 'string')
        throw providerUnavailable('paypal', `token answered HTTP ${answer.status}`);
      const ttl = Number(answer.body?.expires_in ?? 3600);
      return { value: token, ttlMs: Math.max(60, ttl - 120) * 1000 };
    });
  }

  /** One REST call with the tenant's token (fetched again once on a 401), retried once with the same request id on a timeout. */
  private async call(
    account: Account,
    method: 'GET' | 'POST',
    path: string,
    options: { json?: unknown; requestId?: string } = {},
  ): Promise<ProviderAnswer> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(account);
      let answer: ProviderAnswer;
      try {
        answer = await this.http.send('paypal', this.client(account), {
          method,
          path,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            prefer: 'return=representation',
            ...(options.requestId ? { 'paypal-request-id': options.requestId } : {}),
          },
          ...(method === 'POST' ? { json: options.json ?? {} } : {}),
        });
      } catch (err) {
        if (attempt === 0 && isProviderTimeout(err) && (method === 'GET' || options.requestId)) continue;
        throw err;
      }
      if (answer.status === 401 && attempt === 0) {
        this.tokens.invalidate(this.tokenKey(account));
        continue;
      }
      if (answer.status >= 500) throw providerUnavailable('paypal', `HTTP ${answer.status}`);
      return answer;
    }
  }

  async start(account: Account, intent: GatewayIntent, urls: GatewayUrls): Promise<StartResult> {
    if (intent.currency === 'BDT') throw currencyUnsupported('paypal', intent.currency);
    const answer = await this.call(account, 'POST', '/v2/checkout/orders', {
      requestId: `create-${intent.id}`,
      json: {
        intent: intent.captureMode === 'manual' ? 'AUTHORIZE' : 'CAPTURE',
        purchase_units: [
          {
            reference_id: 'default',
            custom_id: intent.reference,
            invoice_id: intent.reference,
            description: intent.description.slice(0, 127),
            amount: { currency_code: intent.currency, value: toMajor(intent.amountMinor, intent.currency) },
          },
        ],
        payment_source: {
          paypal: {
            experience_context: {
              return_url: `${urls.callback}/return`,
              cancel_url: `${urls.callback}/cancel`,
              user_action: 'PAY_NOW',
              shipping_preference: 'NO_SHIPPING',
            },
          },
        },
      },
    });
    const order = (answer.body ?? {}) as PaypalOrderBody;
    const approve = order.links?.find((l) => l.rel === 'payer-action' || l.rel === 'approve')?.href;
    if ((answer.status !== 201 && answer.status !== 200) || !order.id || !approve) {
      return {
        providerRef: '',
        nextAction: null,
        state: {
          status: 'failed',
          failure: {
            code: `PAYPAL_${issue(answer)}`,
            message: String(answer.body?.message ?? 'PayPal refused the order'),
          },
        },
      };
    }
    return {
      providerRef: order.id,
      nextAction: { type: 'redirect', url: approve },
      state: { status: 'requires_action', providerRef: order.id },
    };
  }

  async complete(
    account: Account,
    intent: GatewayIntent,
    params: Record<string, string>,
  ): Promise<ProviderState> {
    if (!intent.providerRef || params.token !== intent.providerRef) throw callbackMismatch('paypal');
    if (params.outcome === 'cancel') {
      const current = await this.sync(account, intent);
      return current.status === 'requires_action'
        ? {
            status: 'canceled',
            failure: { code: 'CUSTOMER_CANCELED', message: 'The buyer canceled at PayPal' },
          }
        : current;
    }
    const action = intent.captureMode === 'manual' ? 'authorize' : 'capture';
    const answer = await this.call(account, 'POST', `/v2/checkout/orders/${intent.providerRef}/${action}`, {
      requestId: `${action}-${intent.id}`,
    });
    if (answer.status === 201 || answer.status === 200)
      return paypalOrderState(answer.body as PaypalOrderBody);
    const problem = issue(answer);
    if (
      problem === 'ORDER_ALREADY_CAPTURED' ||
      problem === 'ORDER_ALREADY_AUTHORIZED' ||
      problem === 'ORDER_COMPLETION_IN_PROGRESS'
    ) {
      return this.sync(account, intent);
    }
    if (problem === 'ORDER_NOT_APPROVED' || problem === 'PAYER_ACTION_REQUIRED')
      return { status: 'requires_action' };
    return {
      status: 'failed',
      failure: {
        code: `PAYPAL_${problem}`,
        message: String(answer.body?.message ?? 'PayPal refused the payment'),
      },
    };
  }

  async sync(account: Account, intent: GatewayIntent): Promise<ProviderState> {
    if (!intent.providerRef) return { status: 'requires_action' };
    const answer = await this.call(account, 'GET', `/v2/checkout/orders/${intent.providerRef}`);
    if (answer.status !== 200) throw providerUnavailable('paypal', `order lookup answered ${issue(answer)}`);
    return paypalOrderState(answer.body as PaypalOrderBody);
  }

  async capture(account: Account, intent: GatewayIntent): Promise<ProviderState> {
    if (!intent.providerAuthId) return this.sync(account, intent);
    const answer = await this.call(
      account,
      'POST',
      `/v2/payments/authorizations/${intent.providerAuthId}/capture`,
      {
        requestId: `capture-auth-${intent.id}`,
        json: { final_capture: true },
      },
    );
    if (answer.status === 201 || answer.status === 200)
      return paypalCaptureState(answer.body ?? {}, intent.providerRef ?? undefined);
    return this.sync(account, intent);
  }

  async cancel(account: Account, intent: GatewayIntent): Promise<ProviderState> {
    if (!intent.providerAuthId) {
      const current = await this.sync(account, intent);
      return current.status === 'requires_action' ? { status: 'canceled' } : current;
    }
    const answer = await this.call(
      account,
      'POST',
      `/v2/payments/authorizations/${intent.providerAuthId}/void`,
      {
        requestId: `void-${intent.id}`,
      },
    );
    if (answer.status === 204 || answer.status === 200)
      return paypalAuthorizationState({
        ...(answer.body ?? {}),
        id: intent.providerAuthId,
        status: 'VOIDED',
      });
    return this.sync(account, intent);
  }

  async refund(account: Account, intent: GatewayIntent, refund: GatewayRefund): Promise<RefundState> {
    const answer = await this.call(account, 'POST', `/v2/payments/captures/${intent.providerTxnId}/refund`, {
      requestId: `refund-${refund.id}`,
      json: {
        amount: { currency_code: refund.currency, value: toMajor(refund.amountMinor, refund.currency) },
        invoice_id: refund.reference,
        note_to_payer: (refund.reason || 'Refund').slice(0, 255),
      },
    });
    if (answer.status === 201 || answer.status === 200) return paypalRefundState(answer.body ?? {});
    return {
      status: 'failed',
      failureReason: `${issue(answer)}: ${String(answer.body?.message ?? '')}`.trim(),
    };
  }

  async refundStatus(account: Account, intent: GatewayIntent, refund: GatewayRefund): Promise<RefundState> {
    // Without an id the first call never answered: the same PayPal-Request-Id returns its result.
    if (!refund.providerRefundId) return this.refund(account, intent, refund);
    const answer = await this.call(account, 'GET', `/v2/payments/refunds/${refund.providerRefundId}`);
    if (answer.status !== 200) throw providerUnavailable('paypal', `refund lookup answered ${issue(answer)}`);
    return paypalRefundState(answer.body ?? {});
  }

  async verifyNotification(
    account: Account,
    notification: InboundNotification,
  ): Promise<VerifiedNotification> {
    await verifyPaypalWebhook({
      headers: notification.headers,
      rawBody: notification.rawBody,
      webhookId: account.credentials.webhookId,
      certificates: this.certificates,
      trustedCertUrl: this.endpoints.paypal.certUrlPattern,
    });
    let event: { id?: unknown; event_type?: unknown; resource?: Record<string, unknown> };
    try {
      event = JSON.parse(notification.rawBody.toString('utf8')) as typeof event;
    } catch {
      throw notificationMalformed('paypal', 'the body is not JSON');
    }
    if (
      typeof event.id !== 'string' ||
      typeof event.event_type !== 'string' ||
      typeof event.resource !== 'object' ||
      event.resource === null
    ) {
      throw notificationMalformed('paypal', 'not a webhook event');
    }
    const r = event.resource;
    const related = (r.supplementary_data as { related_ids?: { order_id?: string } } | undefined)
      ?.related_ids;
    const match = {
      ...(typeof related?.order_id === 'string' ? { providerRef: related.order_id } : {}),
      ...(typeof r.custom_id === 'string' ? { reference: r.custom_id } : {}),
    };
    switch (event.event_type) {
      case 'CHECKOUT.ORDER.APPROVED':
        return { eventId: event.id, kind: 'complete', match: { providerRef: String(r.id) } };
      case 'PAYMENT.CAPTURE.COMPLETED':
      case 'PAYMENT.CAPTURE.PENDING':
      case 'PAYMENT.CAPTURE.DENIED':
      case 'PAYMENT.CAPTURE.DECLINED':
        return { eventId: event.id, kind: 'payment', match, state: paypalCaptureState(r, related?.order_id) };
      case 'PAYMENT.AUTHORIZATION.CREATED':
      case 'PAYMENT.AUTHORIZATION.VOIDED':
        return {
          eventId: event.id,
          kind: 'payment',
          match,
          state: paypalAuthorizationState(r, related?.order_id),
        };
      case 'PAYMENT.CAPTURE.REFUNDED': {
        const state = paypalRefundState(r);
        if (!state.providerRefundId) throw notificationMalformed('paypal', 'a refund without an id');
        return {
          eventId: event.id,
          kind: 'refund',
          refund: { ...state, providerRefundId: state.providerRefundId },
        };
      }
      default:
        return { eventId: event.id, kind: 'ignore', note: `event ${event.event_type} is not used` };
    }
  }
}
