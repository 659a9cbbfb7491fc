import { createVerify, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
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
import {
  nowIso,
  PAYPAL_CURRENCIES,
  type PaypalApp,
  type PaypalAuthorization,
  type PaypalCapture,
  type PaypalMoney,
  type PaypalOrder,
  type PaypalRefund,
  paypalId,
  paypalTransmissionHeaders,
} from './fake-paypal.state.js';

/** A webhook event as PayPal posts it. */
export interface PaypalEvent {
  id: string;
  event_version: '1.0';
  create_time: string;
  resource_type: string;
  resource_version: '2.0';
  event_type: string;
  summary: string;
  resource: unknown;
  links: { href: string; rel: string; method: string }[];
}

type Json = Record<string, unknown>;
const CERT_PATH = '/v1/notifications/certs/CERT-360caa42-fca2a594-sandbox.pem';

function paypalError(
  status: number,
  name: string,
  issue: string,
  description: string,
  field?: string,
): FakeResponse {
  return {
    status,
    body: {
      name,
      message:
        status === 422
          ? 'The requested action could not be performed, semantically incorrect, or failed business validation.'
          : 'Request is not well-formed, syntactically incorrect, or violates schema.',
      debug_id: randomBytes(6).toString('hex'),
      details: [{ issue, description, ...(field ? { field, location: 'body' } : {}) }],
      links: [
        {
          href: `https://developer.paypal.com/api/rest/reference/orders/v2/errors/#${issue}`,
          rel: 'information_link',
          method: 'GET',
        },
      ],
    },
  };
}

const unprocessable = (issue: string, description: string) =>
  paypalError(422, 'UNPROCESSABLE_ENTITY', issue, description);
const cents = (m: PaypalMoney) => Math.round(Number(m.value) * 100);
const money = (currency: string, c: number): PaypalMoney => ({
  currency_code: currency,
  value: (c / 100).toFixed(2),
});

/**
 * The PayPal REST sandbox: OAuth2 client credentials, Orders v2 (create, get, authorize,
 * capture), Payments v2 (authorization capture/void, capture refunds, refund lookup),
 * `PayPal-Request-Id` replays, `Prefer`, the buyer approval page, and webhooks signed the CRC32
 * way with a certificate it serves, plus the verify-webhook-signature postback
 * (shared/gateways/paypal.md).
 */
export class FakePaypalServer {
  readonly http = new FakeHttpServer({
    status: 404,
    body: {
      name: 'RESOURCE_NOT_FOUND',
      message: 'The specified resource does not exist.',
      debug_id: 'fake',
      details: [],
    },
  });
  private readonly apps = new Map<string, PaypalApp>();
  private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();
  private readonly orders = new Map<string, { app: PaypalApp; order: PaypalOrder }>();
  private readonly authorizations = new Map<
    string,
    { app: PaypalApp; orderId: string; auth: PaypalAuthorization }
  >();
  private readonly captures = new Map<string, { app: PaypalApp; capture: PaypalCapture }>();
  private readonly refunds = new Map<string, { app: PaypalApp; refund: PaypalRefund }>();
  private readonly requestIds = new Map<string, FakeResponse>();
  private readonly invoiceIds = new Set<string>();
  /** Every event emitted, oldest first. */
  readonly events: (PaypalEvent & { clientId: string })[] = [];
  /** Lifetime of access tokens (default 32 400 s). */
  tokenTtlSeconds = 32_400;
  /** Status of the next captures (`PENDING` with reason PENDING_REVIEW, or `DECLINED`). */
  captureStatus: 'COMPLETED' | 'PENDING' | 'DECLINED' = 'COMPLETED';
  /** New refunds start `PENDING` (finish them with `settleRefund`). */
  refundsStartPending = false;

  constructor() {
    const api = (method: string, path: string, h: (req: FakeRequest, app: PaypalApp) => FakeResponse) =>
      this.http.route(method, path, (req) => this.bearer(req, h));
    this.http.route('POST', '/v1/oauth2/token', (req) => this.token(req));
    api('POST', '/v2/checkout/orders', (req, app) =>
      this.idempotent(req, app, () => this.createOrder(req, app)),
    );
    api('GET', '/v2/checkout/orders/:id', (req, app) =>
      this.withOrder(req, app, (o) => ({ status: 200, body: this.view(o) })),
    );
    api('POST', '/v2/checkout/orders/:id/capture', (req, app) =>
      this.idempotent(req, app, () => this.withOrder(req, app, (o) => this.captureOrder(req, app, o))),
    );
    api('POST', '/v2/checkout/orders/:id/authorize', (req, app) =>
      this.idempotent(req, app, () => this.withOrder(req, app, (o) => this.authorizeOrder(req, app, o))),
    );
    api('POST', '/v2/payments/authorizations/:id/capture', (req, app) =>
      this.idempotent(req, app, () => this.captureAuthorization(req, app)),
    );
    api('POST', '/v2/payments/authorizations/:id/void', (req, app) =>
      this.idempotent(req, app, () => this.voidAuthorization(req, app)),
    );
    api('GET', '/v2/payments/captures/:id', (req, app) => {
      const c = this.captures.get(req.params.id ?? '');
      return c && c.app === app
        ? { status: 200, body: c.capture }
        : paypalError(
            404,
            'RESOURCE_NOT_FOUND',
            'INVALID_RESOURCE_ID',
            'Specified resource ID does not exist.',
          );
    });
    api('POST', '/v2/payments/captures/:id/refund', (req, app) =>
      this.idempotent(req, app, () => this.refundCapture(req, app)),
    );
    api('GET', '/v2/payments/refunds/:id', (req, app) => {
      const r = this.refunds.get(req.params.id ?? '');
      return r && r.app === app
        ? { status: 200, body: this.refundView(r.refund) }
        : paypalError(
            404,
            'RESOURCE_NOT_FOUND',
            'INVALID_RESOURCE_ID',
            'Specified resource ID does not exist.',
          );
    });
    api('POST', '/v1/notifications/verify-webhook-signature', (req, app) => this.verifyPostback(req, app));
    this.http.route('GET', CERT_PATH, () => ({
      status: 200,
      headers: { 'content-type': 'application/x-pem-file' },
      body: SANDBOX_SIGNING_CERT_PEM,
    }));
    this.http.route('GET', '/checkoutnow', (req) => this.approvalPage(req));
    this.http.route('POST', '/checkoutnow', (req) => this.approvalDecision(req));
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

  get certUrl(): string {
    return `${this.url}${CERT_PATH}`;
  }

  addApp(app: PaypalApp): this {
    this.apps.set(app.clientId, app);
    return this;
  }

  order(id: string): PaypalOrder | undefined {
    const o = this.orders.get(id)?.order;
    return o ? structuredClone(o) : undefined;
  }

  expireTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }

  /** The buyer approves on the PayPal page; returns the URL PayPal sends the browser back to. */
  approve(orderId: string, options: { declineInstrument?: boolean } = {}): string {
    const found = this.orders.get(orderId);
    if (!found) throw new Error(`No PayPal order ${orderId}`);
    const o = found.order;
    const payerId = paypalId(13);
    o.status = 'APPROVED';
    o.declineInstrument = options.declineInstrument ?? false;
    o.payer = {
      payer_id: payerId,
      email_address: 'sb-buyer@personal.example.com',
      name: { given_name: 'Sandbox', surname: 'Buyer' },
    };
    o.update_time = nowIso();
    this.emit(found.app, 'CHECKOUT.ORDER.APPROVED', 'checkout-order', this.view(o));
    return withQuery(o.returnUrl ?? `${this.url}/`, { token: o.id, PayerID: payerId });
  }

  /** The buyer cancels on the PayPal page. */
  cancel(orderId: string): string {
    const o = this.orders.get(orderId)?.order;
    if (!o) throw new Error(`No PayPal order ${orderId}`);
    return withQuery(o.cancelUrl ?? `${this.url}/`, { token: o.id });
  }

  /** Finishes a pending refund. */
  settleRefund(id: string, status: 'COMPLETED' | 'FAILED'): void {
    const found = this.refunds.get(id);
    if (!found || found.refund.status !== 'PENDING') throw new Error(`Refund ${id} is not pending`);
    found.refund.status = status;
    found.refund.update_time = nowIso();
    if (status === 'COMPLETED')
      this.emit(found.app, 'PAYMENT.CAPTURE.REFUNDED', 'refund', this.refundView(found.refund));
  }

  /** A delivery of `event` signed as PayPal does for the app's webhook (CRC32 + RSA-SHA256). */
  signedDelivery(event: PaypalEvent, clientId: string): { headers: Record<string, string>; body: string } {
    const app = this.apps.get(clientId);
    if (!app) throw new Error(`No PayPal app ${clientId}`);
    const body = JSON.stringify(event);
    return { headers: paypalTransmissionHeaders(body, app.webhookId, this.certUrl), body };
  }

  lastEvent(type: string, resourceId: string): PaypalEvent | undefined {
    return [...this.events]
      .reverse()
      .find((e) => e.event_type === type && (e.resource as { id?: string }).id === resourceId);
  }

  deliver(url: string, delivery: { headers: Record<string, string>; body: string }) {
    return deliverWebhook(url, delivery);
  }

  private emit(app: PaypalApp, type: string, resourceType: string, resource: unknown): void {
    const event: PaypalEvent = {
      id: `WH-${paypalId(17)}-${paypalId(17)}`,
      event_version: '1.0',
      create_time: nowIso(),
      resource_type: resourceType,
      resource_version: '2.0',
      event_type: type,
      summary: `${type.toLowerCase().replace(/[._]/g, ' ')}`,
      resource: structuredClone(resource),
      links: [],
    };
    this.events.push({ ...event, clientId: app.clientId });
    if (app.webhookUrl)
      void this.deliver(app.webhookUrl, this.signedDelivery(event, app.clientId)).catch(() => undefined);
  }

  private token(req: FakeRequest): FakeResponse {
    const auth = header(req, 'authorization') ?? '';
    const [clientId = '', clientSecret = ''] = Buffer.from(auth.replace(/^Basic\s+/i, ''), 'base64')
      .toString()
      .split(':');
    const app = this.apps.get(clientId);
    if (!auth.startsWith('Basic ') || !app || app.clientSecret !== clientSecret) {
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Client Authentication failed' },
      };
    }
    req.credential = clientId;
    if (new URLSearchParams(req.rawBody.toString()).get('grant_type') !== 'client_credentials') {
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'Grant Type is NULL' },
      };
    }
    const accessToken = `A21AA${randomBytes(30).toString('base64url')}`;
    this.tokens.set(accessToken, { clientId, expiresAt: Date.now() + this.tokenTtlSeconds * 1000 });
    return {
      status: 200,
      body: {
        scope:
          'https://uri.paypal.com/services/payments/payment https://uri.paypal.com/services/payments/refund',
        access_token: accessToken,
        token_type: 'Bearer',
        app_id: `APP-${paypalId(17)}`,
        expires_in: this.tokenTtlSeconds,
        nonce: `${nowIso()}${randomBytes(8).toString('hex')}`,
      },
    };
  }

  private bearer(
    req: FakeRequest,
    handler: (req: FakeRequest, app: PaypalApp) => FakeResponse,
  ): FakeResponse {
    const token = (header(req, 'authorization') ?? '').replace(/^Bearer\s+/i, '');
    const issued = this.tokens.get(token);
    const app = issued ? this.apps.get(issued.clientId) : undefined;
    if (!issued || !app || issued.expiresAt <= Date.now()) {
      return {
        status: 401,
        body: {
          name: 'AUTHENTICATION_FAILURE',
          message:
            'Authentication failed due to invalid authentication credentials or a missing Authorization header.',
          debug_id: randomBytes(6).toString('hex'),
          details: [],
        },
      };
    }
    req.credential = app.clientId;
    if (req.method === 'POST' && req.rawBody.length > 0 && jsonBody(req) === undefined) {
      return paypalError(
        400,
        'INVALID_REQUEST',
        'MALFORMED_REQUEST_JSON',
        'The request JSON is not well formed.',
      );
    }
    return handler(req, app);
  }

  /** `PayPal-Request-Id`: a repeat gets the stored answer (200 instead of 201 for creations). */
  private idempotent(req: FakeRequest, app: PaypalApp, run: () => FakeResponse): FakeResponse {
    const requestId = header(req, 'paypal-request-id');
    if (!requestId) return this.shaped(req, run());
    const slot = `${app.clientId}|${req.path}|${requestId}`;
    const stored = this.requestIds.get(slot);
    if (stored) return this.shaped(req, { ...stored, status: stored.status === 201 ? 200 : stored.status });
    const response = run();
    if (response.status < 500) this.requestIds.set(slot, response);
    return this.shaped(req, response);
  }

  /** `Prefer: return=minimal` (the default) keeps only id, status and links of a resource. */
  private shaped(req: FakeRequest, response: FakeResponse): FakeResponse {
    const body = response.body as Json | undefined;
    if (
      (header(req, 'prefer') ?? '').includes('return=representation') ||
      response.status >= 300 ||
      !body ||
      !('id' in body)
    ) {
      return response;
    }
    return { ...response, body: { id: body.id, status: body.status, links: body.links } };
  }

  private withOrder(req: FakeRequest, app: PaypalApp, fn: (o: PaypalOrder) => FakeResponse): FakeResponse {
    const found = this.orders.get(req.params.id ?? '');
    if (!found || found.app !== app)
      return paypalError(
        404,
        'RESOURCE_NOT_FOUND',
        'INVALID_RESOURCE_ID',
        'Specified resource ID does not exist. Please check the resource ID and try again.',
      );
    return fn(found.order);
  }

  private view(o: PaypalOrder): Json {
    const { returnUrl: _r, cancelUrl: _c, declineInstrument: _d, ...visible } = o;
    return structuredClone(visible) as Json;
  }

  private refundView(r: PaypalRefund): Json {
    const { captureId: _c, ...visible } = r;
    return structuredClone(visible) as Json;
  }

  private createOrder(req: FakeRequest, app: PaypalApp): FakeResponse {
    const body = (jsonBody(req) ?? {}) as Json;
    const intent = body.intent;
    if (intent !== 'CAPTURE' && intent !== 'AUTHORIZE')
      return paypalError(
        400,
        'INVALID_REQUEST',
        'MISSING_REQUIRED_PARAMETER',
        'A required field / parameter is missing.',
        '/intent',
      );
    const units = body.purchase_units;
    if (!Array.isArray(units) || units.length < 1 || units.length > 10) {
      return paypalError(
        400,
        'INVALID_REQUEST',
        'MISSING_REQUIRED_PARAMETER',
        'A required field / parameter is missing.',
        '/purchase_units',
      );
    }
    const unit = units[0] as Json;
    const amount = unit.amount as (PaypalMoney & { breakdown?: Record<string, PaypalMoney> }) | undefined;
    if (!amount || typeof amount.value !== 'string' || typeof amount.currency_code !== 'string') {
      return paypalError(
        400,
        'INVALID_REQUEST',
        'MISSING_REQUIRED_PARAMETER',
        'A required field / parameter is missing.',
        "/purchase_units/@reference_id=='default'/amount",
      );
    }
    if (!PAYPAL_CURRENCIES.has(amount.currency_code))
      return unprocessable('CURRENCY_NOT_SUPPORTED', 'Currency code is not currently supported.');
    if (!/^\d+(\.\d{1,2})?$/.test(amount.value))
      return unprocessable(
        'DECIMAL_PRECISION',
        'If the currency supports decimals, only two decimal place precision is supported.',
      );
    if (Number(amount.value) <= 0)
      return unprocessable('CANNOT_BE_ZERO_OR_NEGATIVE', 'Must be greater than zero.');
    if (amount.breakdown) {
      const sum = Object.entries(amount.breakdown).reduce(
        (s, [k, m]) => s + (k.includes('discount') ? -cents(m) : cents(m)),
        0,
      );
      if (sum !== cents(amount))
        return unprocessable(
          'AMOUNT_MISMATCH',
          'Should equal item_total + tax_total + shipping + handling + insurance - shipping_discount - discount.',
        );
    }
    const invoiceId = typeof unit.invoice_id === 'string' ? unit.invoice_id : undefined;
    if (invoiceId && this.invoiceIds.has(`${app.clientId}|${invoiceId}`))
      return unprocessable('DUPLICATE_INVOICE_ID', 'Duplicate Invoice ID detected.');
    if (invoiceId) this.invoiceIds.add(`${app.clientId}|${invoiceId}`);
    const context = ((body.payment_source as Json | undefined)?.paypal as Json | undefined)
      ?.experience_context as Json | undefined;
    const legacy = body.application_context as Json | undefined;
    const urls = context ?? legacy ?? {};
    const id = paypalId(17);
    const approveHref = `${this.url}/checkoutnow?token=${id}`;
    const order: PaypalOrder = {
      id,
      intent,
      status: context ? 'PAYER_ACTION_REQUIRED' : 'CREATED',
      purchase_units: [
        {
          reference_id: typeof unit.reference_id === 'string' ? unit.reference_id : 'default',
          amount: { currency_code: amount.currency_code, value: amount.value },
          ...(typeof unit.custom_id === 'string' ? { custom_id: unit.custom_id } : {}),
          ...(invoiceId ? { invoice_id: invoiceId } : {}),
          ...(typeof unit.description === 'string' ? { description: unit.description } : {}),
        },
      ],
      create_time: nowIso(),
      update_time: nowIso(),
      links: [
        { href: `${this.url}/v2/checkout/orders/${id}`, rel: 'self', method: 'GET' },
        { href: approveHref, rel: context ? 'payer-action' : 'approve', method: 'GET' },
        { href: `${this.url}/v2/checkout/orders/${id}`, rel: 'update', method: 'PATCH' },
        {
          href: `${this.url}/v2/checkout/orders/${id}/${intent === 'CAPTURE' ? 'capture' : 'authorize'}`,
          rel: intent === 'CAPTURE' ? 'capture' : 'authorize',
          method: 'POST',
        },
      ],
      returnUrl: typeof urls.return_url === 'string' ? urls.return_url : undefined,
      cancelUrl: typeof urls.cancel_url === 'string' ? urls.cancel_url : undefined,
    };
    this.orders.set(id, { app, order });
    return { status: 201, body: this.view(order) };
  }

  private readyToPay(o: PaypalOrder, intent: PaypalOrder['intent']): FakeResponse | undefined {
    if (o.intent !== intent)
      return unprocessable(
        'ACTION_DOES_NOT_MATCH_INTENT',
        `Order was created with an intent to '${o.intent}'.`,
      );
    if (o.status === 'COMPLETED')
      return unprocessable(
        intent === 'CAPTURE' ? 'ORDER_ALREADY_CAPTURED' : 'ORDER_ALREADY_AUTHORIZED',
        'Order already completed.',
      );
    if (o.status !== 'APPROVED')
      return unprocessable('ORDER_NOT_APPROVED', 'Payer has not yet approved the Order for payment.');
    if (o.declineInstrument)
      return unprocessable(
        'INSTRUMENT_DECLINED',
        "The instrument presented was either declined by the processor or bank, or it can't be used for this payment.",
      );
    return undefined;
  }

  private newCapture(
    app: PaypalApp,
    orderId: string,
    amount: PaypalMoney,
    unit: PaypalOrder['purchase_units'][number],
    authorizationId?: string,
  ): PaypalCapture {
    const status = this.captureStatus;
    const capture: PaypalCapture = {
      id: paypalId(17),
      status,
      ...(status === 'PENDING' ? { status_details: { reason: 'PENDING_REVIEW' } } : {}),
      amount,
      final_capture: true,
      ...(unit.invoice_id ? { invoice_id: unit.invoice_id } : {}),
      ...(unit.custom_id ? { custom_id: unit.custom_id } : {}),
      create_time: nowIso(),
      update_time: nowIso(),
      supplementary_data: {
        related_ids: { order_id: orderId, ...(authorizationId ? { authorization_id: authorizationId } : {}) },
      },
      links: [],
    };
    capture.links = [
      { href: `${this.url}/v2/payments/captures/${capture.id}`, rel: 'self', method: 'GET' },
      { href: `${this.url}/v2/payments/captures/${capture.id}/refund`, rel: 'refund', method: 'POST' },
    ];
    this.captures.set(capture.id, { app, capture });
    const type =
      status === 'COMPLETED'
        ? 'PAYMENT.CAPTURE.COMPLETED'
        : status === 'PENDING'
          ? 'PAYMENT.CAPTURE.PENDING'
          : 'PAYMENT.CAPTURE.DECLINED';
    this.emit(app, type, 'capture', capture);
    return capture;
  }

  private captureOrder(_req: FakeRequest, app: PaypalApp, o: PaypalOrder): FakeResponse {
    const refused = this.readyToPay(o, 'CAPTURE');
    if (refused) return refused;
    const unit = o.purchase_units[0] as PaypalOrder['purchase_units'][number];
    const capture = this.newCapture(app, o.id, unit.amount, unit);
    unit.payments = { captures: [capture] };
    o.status = 'COMPLETED';
    o.update_time = nowIso();
    this.emit(app, 'CHECKOUT.ORDER.COMPLETED', 'checkout-order', this.view(o));
    return { status: 201, body: this.view(o) };
  }

  private authorizeOrder(_req: FakeRequest, app: PaypalApp, o: PaypalOrder): FakeResponse {
    const refused = this.readyToPay(o, 'AUTHORIZE');
    if (refused) return refused;
    const unit = o.purchase_units[0] as PaypalOrder['purchase_units'][number];
    const auth: PaypalAuthorization = {
      id: paypalId(17),
      status: 'CREATED',
      amount: unit.amount,
      expiration_time: new Date(Date.now() + 29 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      create_time: nowIso(),
      update_time: nowIso(),
      supplementary_data: { related_ids: { order_id: o.id } },
    };
    this.authorizations.set(auth.id, { app, orderId: o.id, auth });
    unit.payments = { authorizations: [auth] };
    o.status = 'COMPLETED';
    o.update_time = nowIso();
    this.emit(app, 'PAYMENT.AUTHORIZATION.CREATED', 'authorization', auth);
    return { status: 201, body: this.view(o) };
  }

  private captureAuthorization(req: FakeRequest, app: PaypalApp): FakeResponse {
    const found = this.authorizations.get(req.params.id ?? '');
    if (!found || found.app !== app)
      return paypalError(
        404,
        'RESOURCE_NOT_FOUND',
        'INVALID_RESOURCE_ID',
        'Specified resource ID does not exist.',
      );
    if (found.auth.status !== 'CREATED')
      return unprocessable('AUTHORIZATION_ALREADY_CAPTURED', `Authorization is ${found.auth.status}.`);
    const order = this.orders.get(found.orderId)?.order as PaypalOrder;
    const unit = order.purchase_units[0] as PaypalOrder['purchase_units'][number];
    const requested = ((jsonBody(req) ?? {}) as Json).amount as PaypalMoney | undefined;
    const capture = this.newCapture(app, order.id, requested ?? found.auth.amount, unit, found.auth.id);
    found.auth.status = 'CAPTURED';
    found.auth.update_time = nowIso();
    unit.payments = { ...unit.payments, captures: [...(unit.payments?.captures ?? []), capture] };
    return { status: 201, body: capture };
  }

  private voidAuthorization(req: FakeRequest, app: PaypalApp): FakeResponse {
    const found = this.authorizations.get(req.params.id ?? '');
    if (!found || found.app !== app)
      return paypalError(
        404,
        'RESOURCE_NOT_FOUND',
        'INVALID_RESOURCE_ID',
        'Specified resource ID does not exist.',
      );
    if (found.auth.status !== 'CREATED')
      return unprocessable('PREVIOUSLY_VOIDED', `Authorization is ${found.auth.status}.`);
    found.auth.status = 'VOIDED';
    found.auth.update_time = nowIso();
    this.emit(app, 'PAYMENT.AUTHORIZATION.VOIDED', 'authorization', found.auth);
    return (header(req, 'prefer') ?? '').includes('return=representation')
      ? { status: 200, body: found.auth }
      : { status: 204 };
  }

  private refundCapture(req: FakeRequest, app: PaypalApp): FakeResponse {
    const found = this.captures.get(req.params.id ?? '');
    if (!found || found.app !== app)
      return paypalError(
        404,
        'RESOURCE_NOT_FOUND',
        'INVALID_RESOURCE_ID',
        'Specified resource ID does not exist.',
      );
    const capture = found.capture;
    if (capture.status === 'REFUNDED')
      return unprocessable('CAPTURE_FULLY_REFUNDED', 'The capture has already been fully refunded.');
    if (capture.status !== 'COMPLETED' && capture.status !== 'PARTIALLY_REFUNDED')
      return unprocessable('REFUND_NOT_ALLOWED', `Capture is ${capture.status}.`);
    const body = (jsonBody(req) ?? {}) as Json;
    const refunded = [...this.refunds.values()]
      .filter((r) => r.refund.captureId === capture.id && r.refund.status !== 'FAILED')
      .reduce((s, r) => s + cents(r.refund.amount), 0);
    const remaining = cents(capture.amount) - refunded;
    const requested = body.amount as PaypalMoney | undefined;
    if (requested && requested.currency_code !== capture.amount.currency_code)
      return unprocessable('CURRENCY_MISMATCH', 'Refund must be in the currency of the capture.');
    const amount = requested ? cents(requested) : remaining;
    if (!(amount > 0) || amount > remaining)
      return unprocessable(
        'REFUND_AMOUNT_EXCEEDED',
        'The refund amount must be less than or equal to the capture amount that has not yet been refunded.',
      );
    const refund: PaypalRefund = {
      id: paypalId(17),
      status: this.refundsStartPending ? 'PENDING' : 'COMPLETED',
      amount: money(capture.amount.currency_code, amount),
      ...(typeof body.invoice_id === 'string' ? { invoice_id: body.invoice_id } : {}),
      ...(typeof body.note_to_payer === 'string' ? { note_to_payer: body.note_to_payer } : {}),
      create_time: nowIso(),
      update_time: nowIso(),
      links: [],
      captureId: capture.id,
    };
    refund.links = [
      { href: `${this.url}/v2/payments/refunds/${refund.id}`, rel: 'self', method: 'GET' },
      { href: `${this.url}/v2/payments/captures/${capture.id}`, rel: 'up', method: 'GET' },
    ];
    this.refunds.set(refund.id, { app, refund });
    capture.status = amount === remaining ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    capture.update_time = nowIso();
    if (refund.status === 'COMPLETED')
      this.emit(app, 'PAYMENT.CAPTURE.REFUNDED', 'refund', this.refundView(refund));
    return { status: 201, body: this.refundView(refund) };
  }

  private verifyPostback(req: FakeRequest, app: PaypalApp): FakeResponse {
    const b = (jsonBody(req) ?? {}) as Json;
    const signed = `${String(b.transmission_id)}|${String(b.transmission_time)}|${String(b.webhook_id)}|${crc32(Buffer.from(JSON.stringify(b.webhook_event), 'utf8'))}`;
    let valid = false;
    try {
      valid =
        b.webhook_id === app.webhookId &&
        b.cert_url === this.certUrl &&
        createVerify('RSA-SHA256')
          .update(signed)
          .verify(SANDBOX_SIGNING_CERT_PEM, String(b.transmission_sig), 'base64');
    } catch {
      valid = false;
    }
    return { status: 200, body: { verification_status: valid ? 'SUCCESS' : 'FAILURE' } };
  }

  private approvalPage(req: FakeRequest): FakeResponse {
    const o = this.orders.get(req.query.get('token') ?? '')?.order;
    if (!o) return { ...htmlPage('PayPal', '<p>This order is not available.</p>'), status: 404 };
    const unit = o.purchase_units[0] as PaypalOrder['purchase_units'][number];
    return htmlPage(
      'Pay with PayPal (sandbox)',
      `<p>Pay <b>${escapeHtml(unit.amount.value)} ${escapeHtml(unit.amount.currency_code)}</b> to Haat Sandbox Store</p>
<form method="post" action="/checkoutnow?token=${escapeHtml(o.id)}">
<button class="primary" name="outcome" value="approve">Log in as sb-buyer and pay</button>
<button name="outcome" value="decline">Pay with a card that will be declined</button>
<button name="outcome" value="cancel">Cancel and return to the store</button></form>`,
    );
  }

  private async approvalDecision(req: FakeRequest): Promise<FakeResponse> {
    const id = req.query.get('token') ?? '';
    if (!this.orders.has(id))
      return { ...htmlPage('PayPal', '<p>This order is not available.</p>'), status: 404 };
    const outcome = (await formBody(req)).get('outcome');
    if (outcome === 'cancel') return redirect(this.cancel(id));
    return redirect(this.approve(id, { declineInstrument: outcome === 'decline' }));
  }

  /** A fresh app with random credentials. */
  static randomApp(): PaypalApp {
    return {
      clientId: `AX${randomBytes(20).toString('base64url')}`,
      clientSecret: `EL${randomBytes(24).toString('base64url')}`,
      webhookId: paypalId(17),
    };
  }
}
