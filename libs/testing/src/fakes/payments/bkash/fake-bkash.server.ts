import { randomBytes, randomUUID } from 'node:crypto';
import {
  deliverWebhook,
  escapeHtml,
  FakeHttpServer,
  type FakeRequest,
  type FakeResponse,
  formBody,
  header,
  htmlPage,
  jsonBody,
  redirect,
  withQuery,
} from '../fake-http.server.js';
import { SANDBOX_SIGNING_CERT_PEM } from '../sandbox-signing.keys.js';
import { bkashAmount, bkashIpnTime, bkashTime, bkashTrxId, paisaOf } from './bkash-fake.format.js';
import { buildSnsMessage, type SnsMessage } from './bkash-sns.signer.js';
import {
  BKASH_MESSAGES,
  type BkashCustomerFailure,
  type BkashMerchant,
  type BkashPayment,
  paymentRemaining,
} from './fake-bkash.state.js';

export interface FakeBkashOptions {
  /** Lifetime of an id_token (default 3600 s, like bKash). */
  tokenTtlSeconds?: number;
  /** A payment not executed within this long expires (default 24 h). */
  paymentTtlMs?: number;
  /** Refunds allowed for this many days after the payment (default 60). */
  refundWindowDays?: number;
  /** Answer create/execute validation errors as `{errorCode, errorMessage}` instead of `{statusCode, …}`. */
  errorEnvelope?: 'statusCode' | 'errorCode';
}

const PREFIX = '/v1.2.0-beta/tokenized/checkout';
const V2_REFUND = '/v2/tokenized-checkout/refund/payment';
const CERT_PATH = '/sns/SimpleNotificationService-sandbox.pem';
type Body = Record<string, unknown>;

function ok(body: Body): FakeResponse {
  return { status: 200, body: { statusCode: '0000', statusMessage: 'Successful', ...body } };
}

function str(body: Body, key: string): string | undefined {
  const v = body[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * The bKash Tokenized Checkout sandbox (v1.2.0-beta): token grant/refresh, create, execute,
 * query, search, capture/void, refunds (pre-v2 and v2), the wallet page that sends the customer
 * back to `callbackURL`, and SNS-signed IPNs. Paths, headers, fields, status codes and the
 * "HTTP 200 with statusCode ≠ 0000" rule follow shared/gateways/bkash.md.
 */
export class FakeBkashServer {
  readonly http = new FakeHttpServer({ status: 403, body: { message: 'Missing Authentication Token' } });
  private readonly merchants = new Map<string, BkashMerchant>();
  private readonly tokens = new Map<string, { appKey: string; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, string>();
  private readonly payments = new Map<string, BkashPayment>();
  private readonly options: Required<FakeBkashOptions>;
  /** How many times a listener fetched an SNS SubscribeURL. */
  subscriptionsConfirmed = 0;

  constructor(options: FakeBkashOptions = {}) {
    this.options = {
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
      paymentTtlMs: options.paymentTtlMs ?? 24 * 3_600_000,
      refundWindowDays: options.refundWindowDays ?? 60,
      errorEnvelope: options.errorEnvelope ?? 'statusCode',
    };
    const r = (path: string, h: (req: FakeRequest, body: Body, m: BkashMerchant) => FakeResponse) =>
      this.http.route('POST', `${PREFIX}/${path}`, (req) => this.authorized(req, h));
    this.http.route('POST', `${PREFIX}/token/grant`, (req) => this.grant(req));
    this.http.route('POST', `${PREFIX}/token/refresh`, (req) => this.refresh(req));
    r('create', (_req, body, m) => this.create(body, m));
    r('execute', (_req, body, m) => this.execute(body, m));
    r('payment/status', (_req, body, m) => this.query(body, m));
    r('general/searchTransaction', (_req, body, m) => this.search(body, m));
    r('payment/confirm/capture', (_req, body, m) => this.confirm(body, m, 'capture'));
    r('payment/confirm/void', (_req, body, m) => this.confirm(body, m, 'void'));
    r('payment/refund', (_req, body, m) => this.refundV1(body, m));
    this.http.route('POST', `${V2_REFUND}/transaction`, (req) =>
      this.authorized(req, (_r, body, m) => this.refundV2(body, m)),
    );
    this.http.route('POST', `${V2_REFUND}/status`, (req) =>
      this.authorized(req, (_r, body, m) => this.refundStatusV2(body, m)),
    );
    this.http.route('GET', '/sandbox/checkout/:paymentID', (req) => this.walletPage(req));
    this.http.route('POST', '/sandbox/checkout/:paymentID', (req) => this.walletDecision(req));
    this.http.route('GET', CERT_PATH, () => ({
      status: 200,
      headers: { 'content-type': 'application/x-pem-file' },
      body: SANDBOX_SIGNING_CERT_PEM,
    }));
    this.http.route('GET', '/sns/confirm', () => {
      this.subscriptionsConfirmed += 1;
      return { status: 200, headers: { 'content-type': 'text/xml' }, body: '<ConfirmSubscriptionResponse/>' };
    });
  }

  async start(port = 0): Promise<string> {
    return this.http.start(port);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  get url(): string {
    return this.http.url;
  }

  /** The certificate URL the IPNs name (`SigningCertURL`). */
  get certUrl(): string {
    return `${this.url}${CERT_PATH}`;
  }

  addMerchant(merchant: BkashMerchant): this {
    this.merchants.set(merchant.appKey, merchant);
    return this;
  }

  /** A copy of a payment's state, for assertions. */
  payment(paymentID: string): BkashPayment | undefined {
    const p = this.payments.get(paymentID);
    return p ? { ...p, refunds: [...p.refunds] } : undefined;
  }

  /** Makes every issued id_token expired (the next call answers 401 Unauthorized). */
  expireTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }

  /**
   * The customer's choice on the wallet page; returns the callback URL bKash sends the browser
   * to. `executeFailure` makes the later execute fail with that code (insufficient balance…).
   */
  approve(
    paymentID: string,
    outcome: 'success' | 'failure' | 'cancel' = 'success',
    options: { executeFailure?: BkashCustomerFailure; customerMsisdn?: string } = {},
  ): string {
    const payment = this.payments.get(paymentID);
    if (!payment) throw new Error(`No bKash payment ${paymentID}`);
    payment.outcome = outcome;
    payment.executeFailure = options.executeFailure;
    if (options.customerMsisdn) payment.customerMsisdn = options.customerMsisdn;
    if (payment.status === 'Initiated') {
      payment.status = outcome === 'success' ? 'Approved' : outcome === 'cancel' ? 'Cancelled' : 'Failed';
    }
    return withQuery(payment.callbackURL, {
      paymentID,
      status: outcome,
      signature: randomBytes(8).toString('hex'),
      apiVersion: '1.2.0-beta',
    });
  }

  /** An SNS Notification for a completed payment, signed like AWS would (IPN). */
  notification(
    paymentID: string,
    options: { messageId?: string; signatureVersion?: '1' | '2'; inner?: Record<string, string> } = {},
  ): { headers: Record<string, string>; body: string; message: SnsMessage } {
    const p = this.payments.get(paymentID);
    if (!p?.trxID) throw new Error(`bKash payment ${paymentID} has no transaction yet`);
    const merchant = this.merchants.get(p.appKey);
    const inner = {
      dateTime: bkashIpnTime(p.executedAt ?? new Date()),
      debitMSISDN: p.customerMsisdn,
      creditOrganizationName: 'Haat Sandbox Merchant',
      creditShortCode: merchant?.shortCode ?? '01000000000',
      trxID: p.trxID,
      transactionStatus: 'Completed',
      transactionType: '10002294',
      amount: bkashAmount(p.paisa / 100),
      currency: p.currency,
      transactionReference: p.payerReference,
      merchantInvoiceNumber: p.merchantInvoiceNumber,
      ...options.inner,
    };
    return this.snsDelivery(
      buildSnsMessage({
        type: 'Notification',
        topicArn: this.topicArn(p.appKey),
        certUrl: this.certUrl,
        message: JSON.stringify(inner),
        messageId: options.messageId,
        signatureVersion: options.signatureVersion,
      }),
    );
  }

  /** The SNS SubscriptionConfirmation a listener receives first. */
  subscriptionConfirmation(appKey: string): { headers: Record<string, string>; body: string } {
    const token = randomBytes(16).toString('hex');
    return this.snsDelivery(
      buildSnsMessage({
        type: 'SubscriptionConfirmation',
        topicArn: this.topicArn(appKey),
        certUrl: this.certUrl,
        message: `You have chosen to subscribe to the topic ${this.topicArn(appKey)}.`,
        subscribeUrl: `${this.url}/sns/confirm?Token=${token}`,
        token,
      }),
    );
  }

  /** POSTs an SNS delivery to a listener. */
  deliver(url: string, delivery: { headers: Record<string, string>; body: string }) {
    return deliverWebhook(url, delivery);
  }

  private topicArn(appKey: string): string {
    return `arn:aws:sns:ap-southeast-1:000000000000:bkash-ipn-${appKey.slice(0, 12)}`;
  }

  private snsDelivery(message: SnsMessage): {
    headers: Record<string, string>;
    body: string;
    message: SnsMessage;
  } {
    return {
      headers: {
        'content-type': 'text/plain; charset=UTF-8',
        'x-amz-sns-message-type': message.Type,
        'x-amz-sns-message-id': message.MessageId,
        'x-amz-sns-topic-arn': message.TopicArn,
      },
      body: JSON.stringify(message),
      message,
    };
  }

  private fail(code: string, create = false): FakeResponse {
    const message = BKASH_MESSAGES[code] ?? 'Process failed';
    return create && this.options.errorEnvelope === 'errorCode'
      ? { status: 200, body: { errorCode: code, errorMessage: message } }
      : { status: 200, body: { statusCode: code, statusMessage: message } };
  }

  private merchantByHeaders(req: FakeRequest, body: Body): BkashMerchant | FakeResponse {
    const merchant = this.merchants.get(str(body, 'app_key') ?? '');
    if (
      !merchant ||
      header(req, 'username') !== merchant.username ||
      header(req, 'password') !== merchant.password
    ) {
      return { status: 401, body: { message: 'Unauthorized' } };
    }
    req.credential = merchant.username;
    if (str(body, 'app_secret') !== merchant.appSecret) return this.fail('2001');
    return merchant;
  }

  private issueToken(appKey: string, refreshToken: string): FakeResponse {
    const idToken = `sbx.${randomBytes(24).toString('base64url')}`;
    this.tokens.set(idToken, { appKey, expiresAt: Date.now() + this.options.tokenTtlSeconds * 1000 });
    this.refreshTokens.set(refreshToken, appKey);
    return ok({
      id_token: idToken,
      token_type: 'Bearer',
      expires_in: this.options.tokenTtlSeconds,
      refresh_token: refreshToken,
    });
  }

  private grant(req: FakeRequest): FakeResponse {
    const body = (jsonBody(req) ?? {}) as Body;
    const merchant = this.merchantByHeaders(req, body);
    if ('status' in merchant) return merchant;
    return this.issueToken(merchant.appKey, `rt.${randomBytes(24).toString('base64url')}`);
  }

  private refresh(req: FakeRequest): FakeResponse {
    const body = (jsonBody(req) ?? {}) as Body;
    const merchant = this.merchantByHeaders(req, body);
    if ('status' in merchant) return merchant;
    const refreshToken = str(body, 'refresh_token') ?? '';
    if (this.refreshTokens.get(refreshToken) !== merchant.appKey) return this.fail('2001');
    return this.issueToken(merchant.appKey, refreshToken);
  }

  private authorized(
    req: FakeRequest,
    handler: (req: FakeRequest, body: Body, merchant: BkashMerchant) => FakeResponse,
  ): FakeResponse {
    const token = (header(req, 'authorization') ?? '').replace(/^Bearer\s+/i, '');
    const issued = this.tokens.get(token);
    const merchant = issued ? this.merchants.get(issued.appKey) : undefined;
    if (
      !issued ||
      !merchant ||
      issued.expiresAt <= Date.now() ||
      header(req, 'x-app-key') !== issued.appKey
    ) {
      return { status: 401, body: { message: 'Unauthorized' } };
    }
    req.credential = merchant.username;
    const body = jsonBody(req);
    if (typeof body !== 'object' || body === null)
      return { status: 400, body: { message: 'Invalid request body' } };
    return handler(req, body as Body, merchant);
  }

  private own(body: Body, merchant: BkashMerchant, key = 'paymentID'): BkashPayment | undefined {
    const payment = this.payments.get(str(body, key) ?? '');
    if (!payment || payment.appKey !== merchant.appKey) return undefined;
    if (
      payment.status === 'Initiated' &&
      Date.now() - payment.createdAt.getTime() > this.options.paymentTtlMs
    ) {
      payment.status = 'Expired';
    }
    return payment;
  }

  private create(body: Body, merchant: BkashMerchant): FakeResponse {
    const mode = str(body, 'mode');
    if (mode === '0000' || mode === '0001') return this.fail('2064', true);
    if (mode !== '0011') return this.fail('2065', true);
    const paisa = paisaOf(body.amount);
    if (paisa === undefined) return this.fail('2006', true);
    if (str(body, 'currency') !== 'BDT') return this.fail('2007', true);
    const intent = str(body, 'intent');
    if (intent !== 'sale' && intent !== 'authorization') return this.fail('2008', true);
    const payerReference = str(body, 'payerReference');
    const invoice = str(body, 'merchantInvoiceNumber');
    if (!payerReference || !invoice) return this.fail('2065', true);
    if (/[<>&]/.test(invoice) || invoice.length > 255) return this.fail('2031', true);
    const callbackURL = str(body, 'callbackURL') ?? '';
    if (!/^https?:\/\/[^/]+/.test(callbackURL)) return this.fail('2049', true);
    const paymentID = `TR0011${randomBytes(10).toString('hex').toUpperCase()}`;
    const payment: BkashPayment = {
      paymentID,
      appKey: merchant.appKey,
      mode,
      paisa,
      currency: 'BDT',
      intent,
      payerReference,
      callbackURL,
      merchantInvoiceNumber: invoice,
      status: 'Initiated',
      customerMsisdn: '01770618575',
      createdAt: new Date(),
      refunds: [],
    };
    this.payments.set(paymentID, payment);
    const back = (status: string) =>
      withQuery(callbackURL, { paymentID, status, signature: 'sbx', apiVersion: '1.2.0-beta' });
    return ok({
      paymentID,
      bkashURL: `${this.url}/sandbox/checkout/${paymentID}`,
      callbackURL,
      successCallbackURL: back('success'),
      failureCallbackURL: back('failure'),
      cancelledCallbackURL: back('cancel'),
      amount: bkashAmount(paisa / 100),
      intent,
      currency: 'BDT',
      paymentCreateTime: bkashTime(payment.createdAt),
      transactionStatus: 'Initiated',
      merchantInvoiceNumber: invoice,
    });
  }

  private paymentFields(p: BkashPayment): Body {
    return {
      paymentID: p.paymentID,
      trxID: p.trxID,
      customerMsisdn: p.customerMsisdn,
      payerReference: p.payerReference,
      amount: bkashAmount(p.paisa / 100),
      currency: p.currency,
      intent: p.intent,
      transactionStatus: p.status === 'Approved' ? 'Initiated' : p.status,
    };
  }

  private execute(body: Body, merchant: BkashMerchant): FakeResponse {
    const p = this.own(body, merchant);
    if (!p) return this.fail('2002', true);
    if (p.status === 'Completed' || p.status === 'Authorized') return this.fail('2062', true);
    if (p.status === 'Initiated') return this.fail('2060', true);
    if (p.status !== 'Approved') return this.fail('2056', true);
    if (p.executeFailure) {
      p.status = 'Failed';
      return this.fail(p.executeFailure, true);
    }
    p.trxID = bkashTrxId();
    p.executedAt = new Date();
    p.status = p.intent === 'sale' ? 'Completed' : 'Authorized';
    return ok({
      ...this.paymentFields(p),
      merchantInvoiceNumber: p.merchantInvoiceNumber,
      paymentExecuteTime: bkashTime(p.executedAt),
    });
  }

  private query(body: Body, merchant: BkashMerchant): FakeResponse {
    const p = this.own(body, merchant);
    if (!p) return this.fail('2002');
    return ok({
      ...this.paymentFields(p),
      mode: p.mode,
      merchantInvoice: p.merchantInvoiceNumber,
      verificationStatus: p.status === 'Initiated' || p.status === 'Approved' ? 'Incomplete' : 'Complete',
      paymentCreateTime: bkashTime(p.createdAt),
      ...(p.executedAt ? { paymentExecuteTime: bkashTime(p.executedAt) } : {}),
      maxRefundableAmount: bkashAmount(p.status === 'Completed' ? paymentRemaining(p) / 100 : 0),
    });
  }

  private search(body: Body, merchant: BkashMerchant): FakeResponse {
    const trxID = str(body, 'trxID');
    const p = [...this.payments.values()].find((x) => x.trxID === trxID && x.appKey === merchant.appKey);
    if (!p?.executedAt) return this.fail('2033');
    return ok({
      trxID: p.trxID,
      transactionStatus: p.status,
      transactionType: '10002294',
      amount: bkashAmount(p.paisa / 100),
      currency: p.currency,
      customerMsisdn: p.customerMsisdn,
      organizationShortCode: merchant.shortCode ?? '01000000000',
      initiationTime: bkashTime(p.createdAt),
      completedTime: bkashTime(p.executedAt),
    });
  }

  private confirm(body: Body, merchant: BkashMerchant, action: 'capture' | 'void'): FakeResponse {
    const p = this.own(body, merchant);
    if (!p) return this.fail('2002');
    if (p.status === 'Completed' || p.status === 'Cancelled') return this.fail('2119');
    if (p.status !== 'Authorized') return this.fail('2056');
    p.status = action === 'capture' ? 'Completed' : 'Cancelled';
    p.updatedAt = new Date();
    return ok({
      ...this.paymentFields(p),
      createTime: bkashTime(p.createdAt),
      updateTime: bkashTime(p.updatedAt),
    });
  }

  /** Shared refund rules; returns the refund or the failing code. */
  private takeRefund(
    p: BkashPayment,
    trxId: string | undefined,
    amount: unknown,
    sku: string,
    reason: string,
  ) {
    if (trxId !== p.trxID) return '2077';
    if (p.status !== 'Completed') return '2127';
    if (p.executedAt && Date.now() - p.executedAt.getTime() > this.options.refundWindowDays * 86_400_000) {
      return '2071';
    }
    const paisa = paisaOf(amount);
    if (paisa === undefined || paisa > paymentRemaining(p) || p.refunds.length >= 10) return '2072';
    const refund = { refundTrxId: bkashTrxId(), paisa, sku, reason, completedAt: new Date() };
    p.refunds.push(refund);
    return refund;
  }

  private refundV1(body: Body, merchant: BkashMerchant): FakeResponse {
    const p = this.own(body, merchant);
    if (!p) return this.fail('2002');
    if (body.amount === undefined) {
      const last = p.refunds[p.refunds.length - 1];
      if (!last) return this.fail('2033');
      return ok({
        originalTrxID: p.trxID,
        refundTrxID: last.refundTrxId,
        transactionStatus: 'Completed',
        amount: bkashAmount(last.paisa / 100),
        currency: 'BDT',
        charge: '0.00',
        completedTime: bkashTime(last.completedAt),
      });
    }
    const refund = this.takeRefund(
      p,
      str(body, 'trxID'),
      body.amount,
      str(body, 'sku') ?? '',
      str(body, 'reason') ?? '',
    );
    if (typeof refund === 'string') return this.fail(refund);
    return ok({
      originalTrxID: p.trxID,
      refundTrxID: refund.refundTrxId,
      transactionStatus: 'Completed',
      amount: bkashAmount(refund.paisa / 100),
      currency: 'BDT',
      charge: '0.00',
      completedTime: bkashTime(refund.completedAt),
    });
  }

  private v2Error(code: string, internalCode: string): FakeResponse {
    return {
      status: 400,
      body: {
        internalCode,
        externalCode: code,
        errorMessageEn: BKASH_MESSAGES[code] ?? 'Failed',
        errorMessageBn: null,
      },
    };
  }

  private refundV2(body: Body, merchant: BkashMerchant): FakeResponse {
    const sku = str(body, 'sku');
    const reason = str(body, 'reason');
    if (!sku || !reason || sku.length > 255 || reason.length > 255) {
      return { status: 400, body: { message: 'Invalid request body' } };
    }
    const p = this.own(body, merchant, 'paymentId');
    if (!p) return this.v2Error('2002', 'invalid_payment_id');
    const refund = this.takeRefund(p, str(body, 'trxId'), body.refundAmount, sku, reason);
    if (typeof refund === 'string') return this.v2Error(refund, 'refund_rejected');
    return {
      status: 200,
      body: {
        originalTrxId: p.trxID,
        refundTrxId: refund.refundTrxId,
        refundTransactionStatus: 'Completed',
        originalTrxAmount: bkashAmount(p.paisa / 100),
        refundAmount: bkashAmount(refund.paisa / 100),
        currency: 'BDT',
        completedTime: bkashTime(refund.completedAt).replace(' GMT+0600', ''),
        sku,
        reason,
      },
    };
  }

  private refundStatusV2(body: Body, merchant: BkashMerchant): FakeResponse {
    const p = this.own(body, merchant, 'paymentId');
    if (!p) return this.v2Error('2002', 'invalid_payment_id');
    if (str(body, 'trxId') !== p.trxID) return this.v2Error('2077', 'invalid_trx_id');
    return {
      status: 200,
      body: {
        originalTrxId: p.trxID,
        originalTrxAmount: bkashAmount(p.paisa / 100),
        originalTrxCompletedTime: p.executedAt ? bkashTime(p.executedAt) : null,
        refundTransactions: p.refunds.map((r) => ({
          refundTrxId: r.refundTrxId,
          refundTransactionStatus: 'Completed',
          refundAmount: bkashAmount(r.paisa / 100),
          completedTime: bkashTime(r.completedAt),
        })),
      },
    };
  }

  private walletPage(req: FakeRequest): FakeResponse {
    const p = this.payments.get(req.params.paymentID ?? '');
    if (!p) return { ...htmlPage('bKash', '<p>Unknown payment.</p>'), status: 404 };
    const id = escapeHtml(p.paymentID);
    return htmlPage(
      'Pay with bKash (sandbox)',
      `<p>Merchant invoice <b>${escapeHtml(p.merchantInvoiceNumber)}</b>: <b>৳${bkashAmount(p.paisa / 100)}</b></p>
<form method="post" action="/sandbox/checkout/${id}">
<label>Wallet number <input name="wallet" value="${escapeHtml(p.customerMsisdn)}"></label>
<button class="primary" name="outcome" value="success">Confirm with PIN 12121</button>
<button name="outcome" value="insufficient">Pay with an empty wallet (insufficient balance)</button>
<button name="outcome" value="failure">Fail (wrong OTP)</button>
<button name="outcome" value="cancel">Cancel</button></form>`,
    );
  }

  private async walletDecision(req: FakeRequest): Promise<FakeResponse> {
    const form = await formBody(req);
    const id = req.params.paymentID ?? '';
    if (!this.payments.has(id)) return { ...htmlPage('bKash', '<p>Unknown payment.</p>'), status: 404 };
    const choice = form.get('outcome');
    const wallet = form.get('wallet') ?? undefined;
    if (choice === 'insufficient') {
      return redirect(this.approve(id, 'success', { executeFailure: '2023', customerMsisdn: wallet }));
    }
    const outcome = choice === 'cancel' ? 'cancel' : choice === 'failure' ? 'failure' : 'success';
    return redirect(this.approve(id, outcome, { customerMsisdn: wallet }));
  }

  /** A fresh merchant with random credentials (tests and the demo seed use it). */
  static randomMerchant(label = 'merchant'): BkashMerchant {
    return {
      username: `sandbox${label}${randomBytes(3).toString('hex')}`,
      password: randomUUID(),
      appKey: randomBytes(12).toString('hex'),
      appSecret: randomBytes(24).toString('hex'),
      shortCode: `01${String(randomBytes(4).readUInt32BE() % 1e9).padStart(9, '0')}`,
    };
  }
}
