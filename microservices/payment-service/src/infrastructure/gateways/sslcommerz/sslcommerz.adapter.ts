import { createHash } from 'node:crypto';
import {
  callbackMismatch,
  notificationMalformed,
  providerUnavailable,
  signatureInvalid,
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
import type { ProviderAnswer, ProviderHttp } from '../provider-http.js';
import { fromMajor, toMajor } from '../provider-money.js';
import { type SslcommerzCredentials, SslcommerzCredentialsSchema } from './sslcommerz.credentials.js';
import { verifySignMatches } from './sslcommerz-verify-sign.js';

type Account = GatewayAccount<SslcommerzCredentials>;
const VALIDATOR = '/validator/api/merchantTransIDvalidationAPI.php';

function text(body: Record<string, unknown> | undefined, key: string): string {
  const v = body?.[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/**
 * SSLCommerz v4: session initiation (the customer pays on `GatewayPageURL`), IPN and browser
 * returns verified by `verify_sign` and then by the validation API (the amount and `tran_id`
 * of the validation answer decide), transaction query, refund and refund query
 * (shared/gateways/sslcommerz.md).
 */
export class SslcommerzAdapter implements PaymentGateway<SslcommerzCredentials> {
  readonly provider = 'sslcommerz' as const;
  readonly credentialsSchema = SslcommerzCredentialsSchema;

  constructor(
    private readonly http: ProviderHttp,
    private readonly endpoints: ProviderEndpoints,
  ) {}

  private client(account: Account) {
    return this.http.client('sslcommerz', this.endpoints.sslcommerz[account.mode]);
  }

  private auth(account: Account) {
    return {
      store_id: account.credentials.storeId,
      store_passwd: account.credentials.storePassword,
      format: 'json',
      v: '1',
    };
  }

  private async validator(
    account: Account,
    path: string,
    query: Record<string, string>,
  ): Promise<ProviderAnswer> {
    const answer = await this.http.send('sslcommerz', this.client(account), {
      method: 'GET',
      path,
      query: { ...query, ...this.auth(account) },
    });
    if (answer.status !== 200 || !answer.body)
      throw providerUnavailable('sslcommerz', `HTTP ${answer.status}`);
    if (answer.body.APIConnect !== undefined && answer.body.APIConnect !== 'DONE') {
      throw providerUnavailable('sslcommerz', `APIConnect ${text(answer.body, 'APIConnect')}`);
    }
    return answer;
  }

  async start(account: Account, intent: GatewayIntent, urls: GatewayUrls): Promise<StartResult> {
    const form = new URLSearchParams({
      ...this.auth(account),
      total_amount: toMajor(intent.amountMinor, intent.currency),
      currency: intent.currency,
      tran_id: intent.reference,
      product_category: 'ecommerce',
      product_name: intent.description.slice(0, 255),
      product_profile: 'general',
      shipping_method: 'NO',
      num_of_item: '1',
      success_url: `${urls.callback}/success`,
      fail_url: `${urls.callback}/fail`,
      cancel_url: `${urls.callback}/cancel`,
      ipn_url: urls.notify,
      cus_name: (intent.customer.name ?? 'Customer').slice(0, 50),
      cus_email: (intent.customer.email ?? 'customer@example.invalid').slice(0, 50),
      cus_phone: (intent.customer.phone ?? '00000000000').slice(0, 20),
      cus_add1: 'N/A',
      cus_city: 'N/A',
      cus_country: 'Bangladesh',
      value_a: intent.id,
    });
    const answer = await this.http.send('sslcommerz', this.client(account), {
      method: 'POST',
      path: '/gwprocess/v4/api.php',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    });
    const b = answer.body;
    if (answer.status >= 500 || !b)
      throw providerUnavailable('sslcommerz', `init answered HTTP ${answer.status}`);
    if (b.status !== 'SUCCESS' || !text(b, 'GatewayPageURL') || !text(b, 'sessionkey')) {
      const reason = text(b, 'failedreason') || 'Session initiation failed';
      const code = reason.includes('Store Credential')
        ? 'SSLCOMMERZ_CREDENTIALS_REJECTED'
        : 'SSLCOMMERZ_INIT_FAILED';
      return {
        providerRef: '',
        nextAction: null,
        state: { status: 'failed', failure: { code, message: reason } },
      };
    }
    return {
      providerRef: text(b, 'sessionkey'),
      nextAction: { type: 'redirect', url: text(b, 'GatewayPageURL') },
      state: { status: 'requires_action', providerRef: text(b, 'sessionkey') },
    };
  }

  /** IPN and browser return carry the same signed fields. */
  async complete(
    account: Account,
    intent: GatewayIntent,
    params: Record<string, string>,
  ): Promise<ProviderState> {
    if (params.tran_id !== intent.reference) throw callbackMismatch('sslcommerz');
    if (!verifySignMatches(params, account.credentials.storeId, account.credentials.storePassword)) {
      throw signatureInvalid('sslcommerz', 'verify_sign does not match');
    }
    return this.stateOf(account, params);
  }

  /** Turns verified fields into a state; a VALID payment is confirmed with the validation API first. */
  private async stateOf(account: Account, fields: Record<string, string>): Promise<ProviderState> {
    const currency = fields.currency_type || fields.currency || 'BDT';
    const claimed = fromMajor(currency === 'BDT' ? fields.amount : fields.currency_amount, currency);
    const base = { ...(claimed !== undefined ? { claimedAmountMinor: claimed } : {}), currency };
    switch (fields.status) {
      case 'VALID':
      case 'VALIDATED':
        return this.validate(account, fields.val_id ?? '', fields.tran_id ?? '', base);
      case 'CANCELLED':
        return {
          status: 'canceled',
          ...base,
          failure: { code: 'CUSTOMER_CANCELED', message: fields.error || 'Cancelled by the customer' },
        };
      case 'FAILED':
      case 'EXPIRED':
      case 'UNATTEMPTED':
        return {
          status: 'failed',
          ...base,
          failure: {
            code: `SSLCOMMERZ_${fields.status}`,
            message: fields.error || `The payment ${fields.status.toLowerCase()}`,
          },
        };
      default:
        throw notificationMalformed('sslcommerz', `unknown status ${fields.status ?? '(none)'}`);
    }
  }

  private async validate(
    account: Account,
    valId: string,
    tranId: string,
    base: Pick<ProviderState, 'claimedAmountMinor' | 'currency'>,
  ): Promise<ProviderState> {
    const answer = await this.validator(account, '/validator/api/validationserverAPI.php', { val_id: valId });
    const b = answer.body ?? {};
    const status = text(b, 'status');
    if ((status !== 'VALID' && status !== 'VALIDATED') || text(b, 'tran_id') !== tranId) {
      return {
        status: 'failed',
        ...base,
        failure: {
          code: 'SSLCOMMERZ_VALIDATION_FAILED',
          message: `Validation answered ${status || 'nothing'}`,
        },
      };
    }
    const currency = text(b, 'currency_type') || text(b, 'currency') || 'BDT';
    const amountMinor = fromMajor(currency === 'BDT' ? b.amount : b.currency_amount, currency);
    return {
      status: 'captured',
      ...base,
      ...(amountMinor !== undefined ? { amountMinor } : {}),
      currency,
      providerTxnId: text(b, 'bank_tran_id'),
      riskFlag: text(b, 'risk_level') === '1',
    };
  }

  async sync(account: Account, intent: GatewayIntent): Promise<ProviderState> {
    if (!intent.providerRef) return { status: 'requires_action' };
    const answer = await this.validator(account, VALIDATOR, { sessionkey: intent.providerRef });
    const b = answer.body ?? {};
    const currency = text(b, 'currency_type') || text(b, 'currency') || intent.currency;
    switch (text(b, 'status')) {
      case 'VALID':
      case 'VALIDATED': {
        const amountMinor = fromMajor(currency === 'BDT' ? b.amount : b.currency_amount, currency);
        return {
          status: 'captured',
          ...(amountMinor !== undefined ? { amountMinor } : {}),
          currency,
          providerTxnId: text(b, 'bank_tran_id'),
          riskFlag: text(b, 'risk_level') === '1',
        };
      }
      case 'FAILED':
      case 'EXPIRED':
      case 'UNATTEMPTED':
        return {
          status: 'failed',
          failure: {
            code: `SSLCOMMERZ_${text(b, 'status')}`,
            message: text(b, 'error') || 'The payment failed',
          },
        };
      case 'CANCELLED':
        return {
          status: 'canceled',
          failure: { code: 'CUSTOMER_CANCELED', message: 'Cancelled by the customer' },
        };
      default:
        return { status: 'requires_action' };
    }
  }

  /** SSLCommerz captures on payment; there is nothing to capture later. */
  capture(account: Account, intent: GatewayIntent): Promise<ProviderState> {
    return this.sync(account, intent);
  }

  /** An unpaid session just expires at SSLCommerz. */
  async cancel(account: Account, intent: GatewayIntent): Promise<ProviderState> {
    const current = await this.sync(account, intent);
    return current.status === 'requires_action' ? { status: 'canceled' } : current;
  }

  async refund(account: Account, intent: GatewayIntent, refund: GatewayRefund): Promise<RefundState> {
    const answer = await this.validator(account, VALIDATOR, {
      bank_tran_id: intent.providerTxnId ?? '',
      refund_trans_id: refund.reference,
      refund_amount: toMajor(refund.amountMinor, refund.currency),
      refund_remarks: (refund.reason || 'Refund').slice(0, 255),
      refe_id: refund.id.replace(/-/g, '').slice(0, 50),
    });
    const b = answer.body ?? {};
    const status = text(b, 'status');
    if ((status === 'success' || status === 'processing') && text(b, 'refund_ref_id')) {
      return { status: 'pending', providerRefundId: text(b, 'refund_ref_id') };
    }
    return { status: 'failed', failureReason: text(b, 'errorReason') || `refund ${status || 'refused'}` };
  }

  async refundStatus(account: Account, intent: GatewayIntent, refund: GatewayRefund): Promise<RefundState> {
    if (!refund.providerRefundId) return this.refund(account, intent, refund);
    const answer = await this.validator(account, VALIDATOR, { refund_ref_id: refund.providerRefundId });
    const status = text(answer.body, 'status');
    if (status === 'refunded') return { status: 'succeeded', providerRefundId: refund.providerRefundId };
    if (status === 'cancelled' || status === 'failed') {
      return {
        status: 'failed',
        providerRefundId: refund.providerRefundId,
        failureReason: text(answer.body, 'errorReason') || status,
      };
    }
    return { status: 'pending', providerRefundId: refund.providerRefundId };
  }

  async verifyNotification(
    account: Account,
    notification: InboundNotification,
  ): Promise<VerifiedNotification> {
    const fields = Object.fromEntries(new URLSearchParams(notification.rawBody.toString('utf8')));
    if (!fields.verify_sign || !fields.verify_key)
      throw signatureInvalid('sslcommerz', 'verify_sign is missing');
    if (!verifySignMatches(fields, account.credentials.storeId, account.credentials.storePassword)) {
      throw signatureInvalid('sslcommerz', 'verify_sign does not match');
    }
    if (!fields.tran_id || !fields.status)
      throw notificationMalformed('sslcommerz', 'tran_id or status is missing');
    const state = await this.stateOf(account, fields);
    // SSLCommerz has no event id: a validated payment is its val_id, anything else its signed content.
    const eventId =
      fields.val_id && (fields.status === 'VALID' || fields.status === 'VALIDATED')
        ? `val:${fields.val_id}`
        : `ipn:${createHash('sha256')
            .update(`${fields.tran_id}|${fields.status}|${fields.tran_date ?? ''}|${fields.verify_sign}`)
            .digest('hex')}`;
    return { eventId, kind: 'payment', match: { reference: fields.tran_id }, state };
  }
}
