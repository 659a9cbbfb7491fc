import { Logger } from '@nestjs/common';
import { z } from 'zod';
import type { CertificateCache } from '../certificate.cache.js';
import {
  callbackMismatch,
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
import { fromMajor, toMajor } from '../provider-money.js';
import { BkashClient, bkashCode, bkashMessage, bkashSucceeded } from './bkash.client.js';
import { type BkashCredentials, BkashCredentialsSchema } from './bkash.credentials.js';
import { parseSnsEnvelope, verifySnsMessage } from './bkash-sns.verifier.js';
import { BKASH_ALREADY_DONE, bkashFailureCode, bkashState } from './bkash-state.mapper.js';

type Account = GatewayAccount<BkashCredentials>;

const IpnMessageSchema = z.object({
  trxID: z.string().min(1),
  transactionStatus: z.string(),
  amount: z.string(),
  currency: z.string(),
  merchantInvoiceNumber: z.string().optional(),
});

/**
 * bKash Tokenized Checkout (v1.2.0-beta, refunds v2): create (mode 0011, `sale`, or
 * `authorization` when the capture is held for review), execute after the customer's callback,
 * query as the source of truth whenever an answer is missing or says "already done",
 * capture/void, refund and refund status, and SNS-signed IPNs (shared/gateways/bkash.md).
 */
export class BkashAdapter implements PaymentGateway<BkashCredentials> {
  readonly provider = 'bkash' as const;
  readonly credentialsSchema = BkashCredentialsSchema;
  private readonly client: BkashClient;
  private readonly logger = new Logger('BkashAdapter');

  constructor(
    private readonly http: ProviderHttp,
    private readonly endpoints: ProviderEndpoints,
    private readonly certificates: CertificateCache,
  ) {
    this.client = new BkashClient(http, endpoints);
  }

  async start(account: Account, intent: GatewayIntent, urls: GatewayUrls): Promise<StartResult> {
    if (intent.currency !== 'BDT') throw currencyUnsupported('bkash', intent.currency);
    const answer = await this.client.post(account, 'create', {
      mode: '0011',
      payerReference: intent.customer.phone ?? intent.reference,
      callbackURL: urls.callback,
      amount: toMajor(intent.amountMinor, 'BDT'),
      currency: 'BDT',
      intent: intent.captureMode === 'manual' ? 'authorization' : 'sale',
      merchantInvoiceNumber: intent.reference,
    });
    const b = answer.body ?? {};
    if (!bkashSucceeded(answer) || typeof b.paymentID !== 'string' || typeof b.bkashURL !== 'string') {
      if (answer.status >= 500) throw providerUnavailable('bkash', `create answered HTTP ${answer.status}`);
      const code = bkashCode(answer);
      return {
        providerRef: '',
        nextAction: null,
        state: { status: 'failed', failure: { code: bkashFailureCode(code), message: bkashMessage(answer) } },
      };
    }
    return {
      providerRef: b.paymentID,
      nextAction: { type: 'redirect', url: b.bkashURL },
      state: { ...bkashState(b), status: 'requires_action', providerRef: b.paymentID },
    };
  }

  async complete(
    account: Account,
    intent: GatewayIntent,
    params: Record<string, string>,
  ): Promise<ProviderState> {
    if (!intent.providerRef || params.paymentID !== intent.providerRef) throw callbackMismatch('bkash');
    if (params.status !== 'success') {
      // The callback is unauthenticated: only bKash's own answer can say the money moved.
      const current = await this.sync(account, intent);
      if (current.status === 'captured' || current.status === 'authorized') return current;
      return params.status === 'cancel'
        ? {
            status: 'canceled',
            failure: { code: 'CUSTOMER_CANCELED', message: 'The customer canceled in bKash' },
          }
        : {
            status: 'failed',
            failure: { code: 'BKASH_CUSTOMER_FAILURE', message: 'The bKash payment failed' },
          };
    }
    let answer: ProviderAnswer;
    try {
      answer = await this.client.post(account, 'execute', { paymentID: intent.providerRef });
    } catch (err) {
      // Execute is not safely retryable: the payment may have completed. Ask bKash.
      if (isProviderTimeout(err)) return this.sync(account, intent);
      throw err;
    }
    if (bkashSucceeded(answer) && answer.body) return bkashState(answer.body);
    const code = bkashCode(answer);
    if (answer.status !== 200 || BKASH_ALREADY_DONE.has(code) || answer.body?.message !== undefined) {
      return this.sync(account, intent);
    }
    return { status: 'failed', failure: { code: bkashFailureCode(code), message: bkashMessage(answer) } };
  }

  async sync(account: Account, intent: GatewayIntent): Promise<ProviderState> {
    if (!intent.providerRef) return { status: 'requires_action' };
    const answer = await this.client.post(account, 'payment/status', { paymentID: intent.providerRef });
    if (!bkashSucceeded(answer) || !answer.body) {
      throw providerUnavailable('bkash', `query answered ${bkashCode(answer)}`);
    }
    return bkashState(answer.body);
  }

  async capture(account: Account, intent: GatewayIntent): Promise<ProviderState> {
    const answer = await this.client.post(account, 'payment/confirm/capture', {
      paymentID: intent.providerRef,
    });
    if (bkashSucceeded(answer) && answer.body)
      return { ...bkashState(answer.body), providerTxnId: intent.providerTxnId ?? undefined };
    return this.sync(account, intent);
  }

  async cancel(account: Account, intent: GatewayIntent): Promise<ProviderState> {
    if (!intent.providerRef) return { status: 'canceled' };
    const current = await this.sync(account, intent);
    if (current.status === 'authorized') {
      const answer = await this.client.post(account, 'payment/confirm/void', {
        paymentID: intent.providerRef,
      });
      if (bkashSucceeded(answer) && answer.body) return bkashState(answer.body);
      return this.sync(account, intent);
    }
    // An unexecuted payment simply expires at bKash; nothing to call.
    return current.status === 'requires_action' ? { status: 'canceled' } : current;
  }

  async refund(account: Account, intent: GatewayIntent, refund: GatewayRefund): Promise<RefundState> {
    let answer: ProviderAnswer;
    try {
      answer = await this.client.post(
        account,
        'refund/payment/transaction',
        {
          paymentId: intent.providerRef,
          trxId: intent.providerTxnId,
          refundAmount: toMajor(refund.amountMinor, refund.currency),
          // Both are "optional" but the call fails without them (bkash.md §5).
          sku: refund.reference,
          reason: refund.reason.slice(0, 255) || 'Refund',
        },
        { v2: true },
      );
    } catch (err) {
      if (isProviderTimeout(err)) return { status: 'pending' };
      throw err;
    }
    const b = answer.body ?? {};
    if (answer.status === 200 && typeof b.refundTrxId === 'string') {
      return {
        status: b.refundTransactionStatus === 'Completed' ? 'succeeded' : 'pending',
        providerRefundId: b.refundTrxId,
      };
    }
    if (answer.status >= 500) return { status: 'pending' };
    return { status: 'failed', failureReason: `${bkashCode(answer)}: ${bkashMessage(answer)}` };
  }

  async refundStatus(account: Account, intent: GatewayIntent, refund: GatewayRefund): Promise<RefundState> {
    const answer = await this.client.post(
      account,
      'refund/payment/status',
      { paymentId: intent.providerRef, trxId: intent.providerTxnId },
      { v2: true },
    );
    const list = answer.body?.refundTransactions;
    if (answer.status !== 200 || !Array.isArray(list)) {
      throw providerUnavailable('bkash', `refund status answered ${bkashCode(answer)}`);
    }
    const entries = list.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null);
    const found = refund.providerRefundId
      ? entries.find((e) => e.refundTrxId === refund.providerRefundId)
      : // The refund call never answered: bKash lists refunds without our reference, so take the one of this amount.
        entries.find((e) => fromMajor(e.refundAmount, refund.currency) === refund.amountMinor);
    if (!found || typeof found.refundTrxId !== 'string') {
      return refund.providerRefundId
        ? { status: 'pending' }
        : { status: 'failed', failureReason: 'bKash has no such refund' };
    }
    return {
      status: found.refundTransactionStatus === 'Completed' ? 'succeeded' : 'pending',
      providerRefundId: found.refundTrxId,
    };
  }

  async verifyNotification(
    _account: Account,
    notification: InboundNotification,
  ): Promise<VerifiedNotification> {
    const message = parseSnsEnvelope(notification.rawBody);
    await verifySnsMessage(message, this.certificates, this.endpoints.bkash.certUrlPattern);
    if (message.Type !== 'Notification') {
      if (message.Type === 'SubscriptionConfirmation')
        await this.confirmSubscription(message.SubscribeURL, message.SigningCertURL);
      return { eventId: message.MessageId, kind: 'ignore', note: `SNS ${message.Type}` };
    }
    let inner: z.infer<typeof IpnMessageSchema>;
    try {
      inner = IpnMessageSchema.parse(JSON.parse(message.Message));
    } catch {
      throw notificationMalformed('bkash', 'the IPN message is not a bKash transaction');
    }
    const claimed = fromMajor(inner.amount, inner.currency);
    return {
      eventId: message.MessageId,
      kind: 'payment',
      match: {
        ...(inner.merchantInvoiceNumber ? { reference: inner.merchantInvoiceNumber } : {}),
        providerTxnId: inner.trxID,
      },
      sync: true,
      state: {
        status: inner.transactionStatus === 'Completed' ? 'captured' : 'pending',
        ...(claimed !== undefined ? { claimedAmountMinor: claimed } : {}),
        currency: inner.currency,
        providerTxnId: inner.trxID,
      },
    };
  }

  /** Confirms an SNS subscription once, only on the signing certificate's own host. */
  private async confirmSubscription(subscribeUrl: string | undefined, certUrl: string): Promise<void> {
    const origin = (url: string | undefined) => (url && URL.canParse(url) ? new URL(url).origin : undefined);
    if (!subscribeUrl || origin(subscribeUrl) !== origin(certUrl)) {
      throw notificationMalformed('bkash', 'the SubscribeURL is not on the SNS host');
    }
    const res = await fetch(subscribeUrl, { signal: AbortSignal.timeout(this.endpoints.timeoutMs) });
    if (!res.ok) throw providerUnavailable('bkash', `SNS subscription confirmation answered ${res.status}`);
    this.logger.log(`bKash IPN subscription confirmed on ${origin(subscribeUrl)}`);
  }
}
