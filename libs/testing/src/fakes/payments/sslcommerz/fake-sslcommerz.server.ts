import { randomBytes } from 'node:crypto';
import {
  autoPostPage,
  deliverWebhook,
  escapeHtml,
  FakeHttpServer,
  type FakeRequest,
  type FakeResponse,
  formBody,
  htmlPage,
} from '../fake-http.server.js';
import { signSslcommerzFields } from './sslcommerz-sign.js';

export interface SslcommerzStore {
  storeId: string;
  storePassword: string;
}

export type SslcommerzOutcome = 'VALID' | 'FAILED' | 'CANCELLED' | 'EXPIRED';

interface Session {
  sessionkey: string;
  storeId: string;
  fields: Record<string, string>;
  status: 'PENDING' | SslcommerzOutcome;
  tranDate: string;
  valId?: string;
  bankTranId?: string;
  paid?: string;
  riskLevel: '0' | '1';
  error?: string;
  validations: number;
  refunds: { refId: string; refundTransId: string; amount: number; initiatedAt: Date }[];
}

export interface SslcommerzPayOptions {
  outcome?: SslcommerzOutcome;
  riskLevel?: '0' | '1';
  /** The amount actually paid, when it should differ from the session's (the client must notice). */
  paidAmount?: string;
  /** Whether the IPN goes out (default true): false models a lost IPN. */
  deliverIpn?: boolean;
}

export interface SslcommerzPayment {
  /** The IPN / browser-return fields, signed. */
  fields: Record<string, string>;
  /** Where the browser is POSTed back (success, fail or cancel URL). */
  returnUrl: string;
  ipnUrl?: string;
  ipn?: { status: number; body: string };
}

const INIT_REQUIRED = [
  'total_amount',
  'currency',
  'tran_id',
  'success_url',
  'fail_url',
  'cancel_url',
  'cus_name',
  'cus_email',
  'cus_phone',
  'product_name',
  'product_category',
  'product_profile',
  'shipping_method',
] as const;

function sqlDate(at: Date): string {
  return new Date(at.getTime() + 6 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

const cents = (v: string) => Math.round(Number(v) * 100);

/**
 * The SSLCommerz v4 sandbox: session initiation, the hosted gateway page (which POSTs the IPN
 * to `ipn_url` and sends the browser back), the validation API, transaction queries, refunds
 * and refund queries, with `verify_sign` computed exactly as SSLCommerz does
 * (shared/gateways/sslcommerz.md).
 */
export class FakeSslcommerzServer {
  readonly http = new FakeHttpServer();
  private readonly stores = new Map<string, SslcommerzStore>();
  private readonly sessions = new Map<string, Session>();
  /** Refunds settle (query answers `refunded`) this long after initiation; 0 = at once. */
  refundSettleMs = 0;

  constructor() {
    this.http.route('POST', '/gwprocess/v4/api.php', (req) => this.init(req));
    this.http.route('GET', '/validator/api/validationserverAPI.php', (req) => this.validate(req));
    this.http.route('GET', '/validator/api/merchantTransIDvalidationAPI.php', (req) => this.merchantApi(req));
    this.http.route('GET', '/sandbox/gateway/:sessionkey', (req) => this.gatewayPage(req));
    this.http.route('POST', '/sandbox/gateway/:sessionkey', (req) => this.gatewayDecision(req));
  }

  start(port = 0): Promise<string> {
    return this.http.start(port);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  get url(): string {
    return this.http.url;
  }

  addStore(store: SslcommerzStore): this {
    this.stores.set(store.storeId, store);
    return this;
  }

  /** The session key of a merchant transaction id (the latest attempt). */
  sessionOf(tranId: string): string | undefined {
    return [...this.sessions.values()].reverse().find((s) => s.fields.tran_id === tranId)?.sessionkey;
  }

  /**
   * The customer finishes on the gateway page: the session gets `outcome`, the IPN is POSTed to
   * `ipn_url` (unless `deliverIpn: false`) and the signed fields and return URL come back.
   */
  async pay(sessionkey: string, options: SslcommerzPayOptions = {}): Promise<SslcommerzPayment> {
    const s = this.sessions.get(sessionkey);
    if (!s) throw new Error(`No SSLCommerz session ${sessionkey}`);
    const outcome = options.outcome ?? 'VALID';
    s.status = outcome;
    s.riskLevel = options.riskLevel ?? '0';
    s.tranDate = sqlDate(new Date());
    if (outcome === 'VALID') {
      s.valId = `${s.tranDate.replace(/\D/g, '').slice(2, 12)}${randomBytes(6).toString('hex').toUpperCase()}`;
      s.bankTranId = `${s.tranDate.replace(/\D/g, '').slice(2, 12)}${randomBytes(5).toString('hex')}`;
      s.paid = options.paidAmount ?? s.fields.total_amount;
    } else {
      s.error =
        outcome === 'CANCELLED'
          ? 'Cancelled by User'
          : outcome === 'EXPIRED'
            ? 'Session expired'
            : 'Declined by issuer bank';
    }
    const fields = this.signedFields(s);
    const returnUrl =
      s.fields[outcome === 'VALID' ? 'success_url' : outcome === 'CANCELLED' ? 'cancel_url' : 'fail_url'] ??
      '';
    const ipnUrl = s.fields.ipn_url;
    const result: SslcommerzPayment = { fields, returnUrl, ipnUrl };
    if (ipnUrl && options.deliverIpn !== false) result.ipn = await this.deliverIpn(ipnUrl, fields);
    return result;
  }

  /** POSTs IPN fields (signed or tampered) to a listener as SSLCommerz does. */
  deliverIpn(url: string, fields: Record<string, string>) {
    return deliverWebhook(url, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  private signedFields(s: Session): Record<string, string> {
    const store = this.stores.get(s.storeId) as SslcommerzStore;
    const amount = s.paid ?? s.fields.total_amount ?? '0';
    const base: Record<string, string> = {
      status: s.status,
      tran_date: s.tranDate,
      tran_id: s.fields.tran_id ?? '',
      val_id: s.valId ?? '',
      amount,
      store_amount: (Number(amount) * 0.975).toFixed(2),
      card_type: s.status === 'VALID' ? 'BKASH-BKash' : '',
      card_no: s.status === 'VALID' ? '017XXXXXX75' : '',
      currency: 'BDT',
      bank_tran_id: s.bankTranId ?? '',
      card_issuer: s.status === 'VALID' ? 'BKash Mobile Banking' : '',
      card_brand: s.status === 'VALID' ? 'MOBILEBANKING' : '',
      card_issuer_country: 'Bangladesh',
      card_issuer_country_code: 'BD',
      store_id: s.storeId,
      currency_type: s.fields.currency ?? 'BDT',
      currency_amount: amount,
      currency_rate: '1.0000',
      base_fair: '0.00',
      value_a: s.fields.value_a ?? '',
      value_b: s.fields.value_b ?? '',
      value_c: s.fields.value_c ?? '',
      value_d: s.fields.value_d ?? '',
      risk_level: s.riskLevel,
      risk_title: s.riskLevel === '1' ? 'Risky' : 'Safe',
      ...(s.error ? { error: s.error } : {}),
    };
    return signSslcommerzFields(base, store.storePassword);
  }

  private credentials(params: URLSearchParams, req: FakeRequest): SslcommerzStore | undefined {
    const store = this.stores.get(params.get('store_id') ?? '');
    if (!store || params.get('store_passwd') !== store.storePassword) return undefined;
    req.credential = store.storeId;
    return store;
  }

  private async init(req: FakeRequest): Promise<FakeResponse> {
    const form = await formBody(req);
    const failed = (failedreason: string): FakeResponse => ({
      status: 200,
      body: {
        status: 'FAILED',
        failedreason,
        sessionkey: '',
        gw: [],
        GatewayPageURL: '',
        storeBanner: '',
        storeLogo: '',
        desc: [],
      },
    });
    const store = this.credentials(form, req);
    if (!store) return failed('Store Credential Error Or Store is De-active');
    const missing = INIT_REQUIRED.find((k) => !form.get(k));
    if (missing) return failed(`Invalid Information: '${missing}' is missing`);
    const total = Number(form.get('total_amount'));
    if (!/^\d+(\.\d{1,2})?$/.test(form.get('total_amount') ?? '') || total < 10 || total > 500_000) {
      return failed('Invalid Information: total_amount must be between 10.00 and 500000.00');
    }
    const sessionkey = randomBytes(16).toString('hex').toUpperCase();
    this.sessions.set(sessionkey, {
      sessionkey,
      storeId: store.storeId,
      fields: Object.fromEntries(form.entries()),
      status: 'PENDING',
      tranDate: sqlDate(new Date()),
      riskLevel: '0',
      validations: 0,
      refunds: [],
    });
    const page = `${this.url}/sandbox/gateway/${sessionkey}`;
    return {
      status: 200,
      body: {
        status: 'SUCCESS',
        failedreason: '',
        sessionkey,
        gw: {
          visa: 'city_visa,ebl_visa',
          master: 'city_master',
          amex: 'city_amex',
          othercards: '',
          internetbanking: 'city',
          mobilebanking: 'bkash,nagad',
        },
        redirectGatewayURL: `${page}?gw=`,
        directPaymentURLBank: '',
        directPaymentURLCard: '',
        directPaymentURL: '',
        redirectGatewayURLFailed: '',
        GatewayPageURL: page,
        storeBanner: '',
        storeLogo: '',
        store_name: 'Haat Sandbox Store',
        desc: [
          {
            name: 'bKash',
            type: 'mobilebanking',
            logo: '',
            gw: 'bkash',
            r_flag: '1',
            redirectGatewayURL: `${page}?gw=bkash`,
          },
        ],
        is_direct_pay_enable: '0',
      },
    };
  }

  private validate(req: FakeRequest): FakeResponse {
    if (!this.credentials(req.query, req)) return { status: 200, body: { APIConnect: 'INVALID_REQUEST' } };
    const valId = req.query.get('val_id');
    const s = [...this.sessions.values()].find((x) => x.valId !== undefined && x.valId === valId);
    if (!s || s.storeId !== req.query.get('store_id') || s.status !== 'VALID') {
      return { status: 200, body: { APIConnect: 'DONE', status: 'INVALID_TRANSACTION' } };
    }
    s.validations += 1;
    const fields = this.signedFields(s);
    return {
      status: 200,
      body: {
        ...fields,
        status: s.validations === 1 ? 'VALID' : 'VALIDATED',
        APIConnect: 'DONE',
        validated_on: sqlDate(new Date()),
        gw_version: '',
        offer_avail: 0,
        isTokeizeSuccess: 0,
        discount_amount: '0.00',
        discount_percentage: '0',
        discount_remarks: '',
      },
    };
  }

  private merchantApi(req: FakeRequest): FakeResponse {
    const q = req.query;
    if (!this.credentials(q, req)) return { status: 200, body: { APIConnect: 'INVALID_REQUEST' } };
    const storeId = q.get('store_id');
    const mine = [...this.sessions.values()].filter((s) => s.storeId === storeId);
    if (q.get('refund_ref_id')) return this.refundQuery(mine, q.get('refund_ref_id') ?? '');
    if (q.get('bank_tran_id')) return this.refund(mine, q);
    const element = (s: Session) => ({
      ...this.signedFields(s),
      status:
        s.status === 'VALID' && s.validations > 0
          ? 'VALIDATED'
          : s.status === 'PENDING'
            ? 'PENDING'
            : s.status,
      sessionkey: s.sessionkey,
    });
    if (q.get('sessionkey')) {
      const s = mine.find((x) => x.sessionkey === q.get('sessionkey'));
      return {
        status: 200,
        body: s ? { APIConnect: 'DONE', ...element(s) } : { APIConnect: 'DONE', status: 'INVALID_REQUEST' },
      };
    }
    const found = mine.filter((s) => s.fields.tran_id === q.get('tran_id'));
    return {
      status: 200,
      body: { APIConnect: 'DONE', no_of_trans_found: found.length, element: found.map(element) },
    };
  }

  private refund(mine: Session[], q: URLSearchParams): FakeResponse {
    const bankTranId = q.get('bank_tran_id') ?? '';
    const s = mine.find((x) => x.bankTranId === bankTranId);
    const failed = (errorReason: string) => ({
      status: 200,
      body: { APIConnect: 'DONE', bank_tran_id: bankTranId, status: 'failed', errorReason },
    });
    if (!s) return failed('Invalid bank_tran_id');
    const refundTransId = q.get('refund_trans_id');
    if (!refundTransId) return failed('refund_trans_id is mandatory');
    if (!q.get('refund_remarks')) return failed('refund_remarks is mandatory');
    if (s.refunds.some((r) => r.refundTransId === refundTransId)) return failed('Duplicate refund_trans_id');
    const amount = cents(q.get('refund_amount') ?? '');
    const refunded = s.refunds.reduce((sum, r) => sum + r.amount, 0);
    if (!(amount > 0) || amount > cents(s.paid ?? '0') - refunded)
      return failed('Refund amount exceeds the refundable amount');
    const refId = `RF${randomBytes(8).toString('hex').toUpperCase()}`;
    s.refunds.push({ refId, refundTransId, amount, initiatedAt: new Date() });
    return {
      status: 200,
      body: {
        APIConnect: 'DONE',
        bank_tran_id: bankTranId,
        trans_id: s.fields.tran_id,
        refund_ref_id: refId,
        status: this.refundSettleMs === 0 ? 'success' : 'processing',
        errorReason: '',
      },
    };
  }

  private refundQuery(mine: Session[], refId: string): FakeResponse {
    for (const s of mine) {
      const r = s.refunds.find((x) => x.refId === refId);
      if (!r) continue;
      const done = Date.now() - r.initiatedAt.getTime() >= this.refundSettleMs;
      return {
        status: 200,
        body: {
          APIConnect: 'DONE',
          bank_tran_id: s.bankTranId,
          tran_id: s.fields.tran_id,
          refund_ref_id: refId,
          initiated_on: sqlDate(r.initiatedAt),
          refunded_on: done ? sqlDate(new Date(r.initiatedAt.getTime() + this.refundSettleMs)) : '',
          status: done ? 'refunded' : 'processing',
          errorReason: '',
        },
      };
    }
    return {
      status: 200,
      body: { APIConnect: 'DONE', status: 'failed', errorReason: 'Invalid refund_ref_id' },
    };
  }

  private gatewayPage(req: FakeRequest): FakeResponse {
    const s = this.sessions.get(req.params.sessionkey ?? '');
    if (!s) return { ...htmlPage('SSLCommerz', '<p>Session not found or expired.</p>'), status: 404 };
    return htmlPage(
      'SSLCOMMERZ sandbox gateway',
      `<p>Order <b>${escapeHtml(s.fields.tran_id ?? '')}</b>: <b>${escapeHtml(s.fields.total_amount ?? '')} ${escapeHtml(s.fields.currency ?? '')}</b></p>
<form method="post" action="/sandbox/gateway/${escapeHtml(s.sessionkey)}">
<button class="primary" name="outcome" value="VALID">Pay (test card 4111 1111 1111 1111)</button>
<button name="outcome" value="RISKY">Pay with a card flagged risky</button>
<button name="outcome" value="FAILED">Card declined</button>
<button name="outcome" value="CANCELLED">Cancel</button></form>`,
    );
  }

  private async gatewayDecision(req: FakeRequest): Promise<FakeResponse> {
    const key = req.params.sessionkey ?? '';
    if (!this.sessions.has(key))
      return { ...htmlPage('SSLCommerz', '<p>Session not found.</p>'), status: 404 };
    const choice = (await formBody(req)).get('outcome');
    const outcome: SslcommerzOutcome = choice === 'FAILED' || choice === 'CANCELLED' ? choice : 'VALID';
    const paid = await this.pay(key, { outcome, riskLevel: choice === 'RISKY' ? '1' : '0' });
    return autoPostPage(paid.returnUrl, paid.fields);
  }

  /** A fresh store with random credentials. */
  static randomStore(label = 'store'): SslcommerzStore {
    return {
      storeId: `${label}${randomBytes(4).toString('hex')}`,
      storePassword: `${randomBytes(6).toString('hex')}@ssl`,
    };
  }
}
