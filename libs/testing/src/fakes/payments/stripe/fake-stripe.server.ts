import { createHash, randomBytes } from 'node:crypto';
import {
  deliverWebhook,
  escapeHtml,
  FakeHttpServer,
  type FakeRequest,
  type FakeResponse,
  formBody,
  header,
  htmlPage,
  redirect,
  withQuery,
} from '../fake-http.server.js';
import { param, parseStripeForm, type StripeParams, stripeSignatureHeader } from './stripe-fake.codec.js';
import {
  type PaymentIntentObject,
  type RefundObject,
  type StripeAccount,
  type StripeError,
  stripeId,
  TEST_PAYMENT_METHODS,
  unix,
} from './fake-stripe.state.js';

/** A webhook event the fake emitted (or a test built). */
export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: PaymentIntentObject | RefundObject };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

interface Handled {
  response: FakeResponse;
  /** False for requests refused before execution: Stripe does not store those under the key. */
  executed: boolean;
}

const API_VERSION = '2025-10-29.clover';

function stripeError(status: number, error: StripeError, extra: Record<string, unknown> = {}): Handled {
  return { response: { status, body: { error: { ...error, ...extra } } }, executed: status !== 400 };
}

function ok(body: unknown): Handled {
  return { response: { status: 200, body }, executed: true };
}

/**
 * The Stripe API sandbox for PaymentIntents and Refunds: form-encoded bracket parameters,
 * Bearer secret keys, the PaymentIntent state machine with manual capture, magic test payment
 * methods, idempotency keys replayed exactly, webhook events signed with `Stripe-Signature`,
 * and a hosted confirmation / 3-D Secure page (shared/gateways/stripe.md).
 */
export class FakeStripeServer {
  readonly http = new FakeHttpServer({
    status: 404,
    body: { error: { type: 'invalid_request_error', message: 'Unrecognized request URL.' } },
  });
  private readonly accounts = new Map<string, StripeAccount>();
  private readonly intents = new Map<string, { account: StripeAccount; pi: PaymentIntentObject }>();
  private readonly refunds = new Map<string, { account: StripeAccount; refund: RefundObject }>();
  private readonly idempotency = new Map<string, { hash: string; done?: FakeResponse }>();
  /** Every event emitted, oldest first. */
  readonly events: (StripeEvent & { account: string })[] = [];
  /** New refunds start `pending` (settle them with `settleRefund`) instead of `succeeded`. */
  refundsStartPending = false;

  constructor() {
    const api = (
      method: string,
      path: string,
      h: (req: FakeRequest, p: StripeParams, a: StripeAccount) => Handled,
    ) => this.http.route(method, path, (req) => this.authenticated(req, h));
    api('POST', '/v1/payment_intents', (req, p, a) => this.createIntent(req, p, a));
    api('GET', '/v1/payment_intents/:id', (req, _p, a) => this.withIntent(req, a, (pi) => ok(pi)));
    api('POST', '/v1/payment_intents/:id/confirm', (req, p, a) =>
      this.withIntent(req, a, (pi) => this.confirm(pi, a, p)),
    );
    api('POST', '/v1/payment_intents/:id/capture', (req, p, a) =>
      this.withIntent(req, a, (pi) => this.capture(pi, a, p)),
    );
    api('POST', '/v1/payment_intents/:id/cancel', (req, p, a) =>
      this.withIntent(req, a, (pi) => this.cancel(pi, a, p)),
    );
    api('POST', '/v1/refunds', (_req, p, a) => this.createRefund(p, a));
    api('GET', '/v1/refunds/:id', (req, _p, a) => {
      const found = this.refunds.get(req.params.id ?? '');
      return found && found.account === a
        ? ok(found.refund)
        : stripeError(404, {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: `No such refund: '${req.params.id}'`,
          });
    });
    this.http.route('GET', '/sandbox/checkout/:id', (req) => this.checkoutPage(req));
    this.http.route('POST', '/sandbox/checkout/:id', (req) => this.checkoutDecision(req));
    this.http.route('GET', '/sandbox/3ds/:id', (req) => this.threeDsPage(req));
    this.http.route('POST', '/sandbox/3ds/:id', (req) => this.threeDsDecision(req));
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

  addAccount(account: StripeAccount): this {
    this.accounts.set(account.secretKey, account);
    return this;
  }

  intent(id: string): PaymentIntentObject | undefined {
    const pi = this.intents.get(id)?.pi;
    return pi ? structuredClone(pi) : undefined;
  }

  refund(id: string): RefundObject | undefined {
    const r = this.refunds.get(id)?.refund;
    return r ? structuredClone(r) : undefined;
  }

  /** Finishes a `processing` intent (the asynchronous methods). */
  settle(id: string, outcome: 'succeeded' | 'failed'): void {
    const found = this.intents.get(id);
    if (!found || found.pi.status !== 'processing') throw new Error(`Intent ${id} is not processing`);
    if (outcome === 'succeeded') this.succeed(found.pi, found.account);
    else
      this.decline(found.pi, found.account, {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'generic_decline',
        message: 'Your card was declined.',
      });
  }

  /** Finishes a pending refund. */
  settleRefund(id: string, outcome: 'succeeded' | 'failed'): void {
    const found = this.refunds.get(id);
    if (!found || found.refund.status !== 'pending') throw new Error(`Refund ${id} is not pending`);
    found.refund.status = outcome;
    if (outcome === 'failed') found.refund.failure_reason = 'expired_or_canceled_card';
    this.emit(found.account, outcome === 'failed' ? 'refund.failed' : 'refund.updated', found.refund);
  }

  /** The latest event of `type` about `objectId`. */
  lastEvent(type: string, objectId: string): StripeEvent | undefined {
    return [...this.events].reverse().find((e) => e.type === type && e.data.object.id === objectId);
  }

  /**
   * A signed delivery of `event` as Stripe sends it: `Stripe-Signature` over the exact body with
   * every current secret of the account; `timestamp` (unix s) makes it stale or early.
   */
  signedDelivery(
    event: StripeEvent,
    options: { secretKey?: string; secrets?: string[]; timestamp?: number } = {},
  ): { headers: Record<string, string>; body: string } {
    const account = options.secretKey ? this.accounts.get(options.secretKey) : undefined;
    const secrets = options.secrets ?? account?.webhookSecrets ?? [];
    const body = JSON.stringify(event);
    return {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': stripeSignatureHeader(body, secrets, options.timestamp ?? unix()),
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      },
      body,
    };
  }

  deliver(url: string, delivery: { headers: Record<string, string>; body: string }) {
    return deliverWebhook(url, delivery);
  }

  private emit(account: StripeAccount, type: string, object: PaymentIntentObject | RefundObject): void {
    const event: StripeEvent = {
      id: stripeId('evt'),
      object: 'event',
      api_version: API_VERSION,
      created: unix(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: account.webhookUrl ? 1 : 0,
      request: { id: null, idempotency_key: null },
      type,
    };
    this.events.push({ ...event, account: account.secretKey });
    if (account.webhookUrl) {
      const url = account.webhookUrl;
      void this.deliver(url, this.signedDelivery(event, { secretKey: account.secretKey })).catch(
        () => undefined,
      );
    }
  }

  private authenticated(
    req: FakeRequest,
    handler: (req: FakeRequest, p: StripeParams, a: StripeAccount) => Handled,
  ): FakeResponse {
    const auth = header(req, 'authorization') ?? '';
    const key = auth.startsWith('Basic ')
      ? Buffer.from(auth.slice(6), 'base64').toString().replace(/:$/, '')
      : auth.replace(/^Bearer\s+/i, '');
    const account = this.accounts.get(key);
    const requestId = `req_${randomBytes(8).toString('hex')}`;
    if (!account) {
      return {
        status: 401,
        headers: { 'request-id': requestId },
        body: {
          error: {
            type: 'authentication_error',
            message: 'Invalid API Key provided: ' + key.slice(0, 8) + '***',
          },
        },
      };
    }
    req.credential = key;
    const params = parseStripeForm(
      req.method === 'GET' ? req.query.toString() : req.rawBody.toString('utf8'),
    );
    const idemKey = header(req, 'idempotency-key');
    if (req.method !== 'POST' || !idemKey) {
      const { response } = handler(req, params, account);
      return { ...response, headers: { ...response.headers, 'request-id': requestId } };
    }
    const slot = `${key}|${idemKey}`;
    const hash = createHash('sha256')
      .update(`${req.path}\n${req.rawBody.toString('utf8')}`)
      .digest('hex');
    const stored = this.idempotency.get(slot);
    if (stored && stored.hash !== hash) {
      return {
        status: 400,
        headers: { 'request-id': requestId },
        body: {
          error: {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.`,
          },
        },
      };
    }
    if (stored && !stored.done) {
      return {
        status: 409,
        headers: { 'request-id': requestId },
        body: {
          error: {
            type: 'idempotency_error',
            message:
              'There is currently another in-progress request using this Stripe token (probably the same idempotency key).',
          },
        },
      };
    }
    if (stored?.done) {
      return {
        ...stored.done,
        headers: {
          ...stored.done.headers,
          'idempotent-replayed': 'true',
          'request-id': requestId,
          'idempotency-key': idemKey,
        },
      };
    }
    this.idempotency.set(slot, { hash });
    const { response, executed } = handler(req, params, account);
    if (executed) this.idempotency.set(slot, { hash, done: response });
    else this.idempotency.delete(slot);
    return {
      ...response,
      headers: { ...response.headers, 'request-id': requestId, 'idempotency-key': idemKey },
    };
  }

  private withIntent(
    req: FakeRequest,
    account: StripeAccount,
    fn: (pi: PaymentIntentObject) => Handled,
  ): Handled {
    const found = this.intents.get(req.params.id ?? '');
    if (!found || found.account !== account) {
      return stripeError(404, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'intent',
        message: `No such payment_intent: '${req.params.id}'`,
      });
    }
    return fn(found.pi);
  }

  private createIntent(_req: FakeRequest, p: StripeParams, account: StripeAccount): Handled {
    const amount = Number(param(p, 'amount'));
    const currency = param(p, 'currency');
    if (!Number.isSafeInteger(amount) || amount < 1) {
      return stripeError(400, {
        type: 'invalid_request_error',
        code: 'parameter_missing',
        param: 'amount',
        message: 'Missing required param: amount.',
      });
    }
    if (!currency || !/^[a-z]{3}$/.test(currency)) {
      return stripeError(400, {
        type: 'invalid_request_error',
        code: 'parameter_missing',
        param: 'currency',
        message: 'Missing required param: currency.',
      });
    }
    const captureMethod = param(p, 'capture_method') ?? 'automatic';
    if (captureMethod !== 'automatic' && captureMethod !== 'manual' && captureMethod !== 'automatic_async') {
      return stripeError(400, {
        type: 'invalid_request_error',
        code: 'parameter_invalid_empty',
        param: 'capture_method',
        message: 'Invalid capture_method.',
      });
    }
    const id = stripeId('pi');
    const pm = param(p, 'payment_method') ?? null;
    const pi: PaymentIntentObject = {
      id,
      object: 'payment_intent',
      amount,
      amount_capturable: 0,
      amount_received: 0,
      capture_method: captureMethod,
      client_secret: `${id}_secret_${randomBytes(12).toString('base64url')}`,
      confirmation_method: 'automatic',
      currency,
      customer: param(p, 'customer') ?? null,
      description: param(p, 'description') ?? null,
      last_payment_error: null,
      latest_charge: null,
      metadata: (typeof p.metadata === 'object' && !Array.isArray(p.metadata) ? p.metadata : {}) as Record<
        string,
        string
      >,
      next_action: null,
      payment_method: pm,
      payment_method_types: ['card'],
      status: pm ? 'requires_confirmation' : 'requires_payment_method',
      canceled_at: null,
      cancellation_reason: null,
      created: unix(),
      livemode: false,
    };
    this.intents.set(id, { account, pi });
    this.emit(account, 'payment_intent.created', pi);
    if (param(p, 'confirm') === 'true') return this.confirm(pi, account, p);
    return ok(pi);
  }

  private confirm(pi: PaymentIntentObject, account: StripeAccount, p: StripeParams): Handled {
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(pi.status)) {
      return stripeError(
        400,
        {
          type: 'invalid_request_error',
          code: 'payment_intent_unexpected_state',
          message: `This PaymentIntent's status is ${pi.status}, and it cannot be confirmed.`,
        },
        { payment_intent: pi },
      );
    }
    const pm = param(p, 'payment_method') ?? pi.payment_method;
    if (!pm) {
      return stripeError(
        400,
        {
          type: 'invalid_request_error',
          code: 'payment_intent_unexpected_state',
          param: 'payment_method',
          message: 'You cannot confirm this PaymentIntent because it is missing a payment method.',
        },
        { payment_intent: pi },
      );
    }
    const behaviour = TEST_PAYMENT_METHODS[pm];
    if (!behaviour) {
      return stripeError(400, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'payment_method',
        message: `No such PaymentMethod: '${pm}'`,
      });
    }
    pi.payment_method = pm;
    pi.return_url = param(p, 'return_url') ?? pi.return_url;
    switch (behaviour.kind) {
      case 'succeed':
        this.succeed(pi, account);
        return ok(pi);
      case 'decline':
        this.decline(pi, account, {
          type: 'card_error',
          code: behaviour.code,
          decline_code: behaviour.decline_code,
          message: behaviour.message,
        });
        return {
          response: { status: 402, body: { error: { ...pi.last_payment_error, payment_intent: pi } } },
          executed: true,
        };
      case 'processing':
        pi.status = 'processing';
        this.emit(account, 'payment_intent.processing', pi);
        return ok(pi);
      case 'authenticate': {
        const returnUrl = pi.return_url ?? '';
        pi.status = 'requires_action';
        pi.next_action = {
          type: 'redirect_to_url',
          redirect_to_url: { url: `${this.url}/sandbox/3ds/${pi.id}`, return_url: returnUrl },
        };
        this.emit(account, 'payment_intent.requires_action', pi);
        return ok(pi);
      }
    }
  }

  private succeed(pi: PaymentIntentObject, account: StripeAccount): void {
    pi.next_action = null;
    pi.last_payment_error = null;
    pi.latest_charge = stripeId('ch');
    if (pi.capture_method === 'manual') {
      pi.status = 'requires_capture';
      pi.amount_capturable = pi.amount;
      this.emit(account, 'payment_intent.amount_capturable_updated', pi);
    } else {
      pi.status = 'succeeded';
      pi.amount_received = pi.amount;
      this.emit(account, 'payment_intent.succeeded', pi);
    }
  }

  private decline(pi: PaymentIntentObject, account: StripeAccount, error: StripeError): void {
    pi.status = 'requires_payment_method';
    pi.next_action = null;
    pi.last_payment_error = {
      ...error,
      payment_method: pi.payment_method ? { id: pi.payment_method } : undefined,
    };
    this.emit(account, 'payment_intent.payment_failed', pi);
  }

  private capture(pi: PaymentIntentObject, account: StripeAccount, p: StripeParams): Handled {
    if (pi.status !== 'requires_capture') {
      return stripeError(
        400,
        {
          type: 'invalid_request_error',
          code: 'payment_intent_unexpected_state',
          message: `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
        },
        { payment_intent: pi },
      );
    }
    const amount = param(p, 'amount_to_capture')
      ? Number(param(p, 'amount_to_capture'))
      : pi.amount_capturable;
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > pi.amount_capturable) {
      return stripeError(400, {
        type: 'invalid_request_error',
        code: 'amount_too_large',
        param: 'amount_to_capture',
        message: 'The amount to capture is greater than the amount capturable.',
      });
    }
    pi.amount_received = amount;
    pi.amount_capturable = 0;
    pi.status = 'succeeded';
    this.emit(account, 'payment_intent.succeeded', pi);
    return ok(pi);
  }

  private cancel(pi: PaymentIntentObject, account: StripeAccount, p: StripeParams): Handled {
    if (pi.status === 'succeeded' || pi.status === 'canceled') {
      return stripeError(
        400,
        {
          type: 'invalid_request_error',
          code: 'payment_intent_unexpected_state',
          message: `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
        },
        { payment_intent: pi },
      );
    }
    pi.status = 'canceled';
    pi.amount_capturable = 0;
    pi.canceled_at = unix();
    pi.cancellation_reason = param(p, 'cancellation_reason') ?? null;
    this.emit(account, 'payment_intent.canceled', pi);
    return ok(pi);
  }

  private createRefund(p: StripeParams, account: StripeAccount): Handled {
    const found = this.intents.get(param(p, 'payment_intent') ?? '');
    if (!found || found.account !== account) {
      return stripeError(400, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'payment_intent',
        message: `No such payment_intent: '${param(p, 'payment_intent')}'`,
      });
    }
    const pi = found.pi;
    if (pi.status !== 'succeeded' || !pi.latest_charge) {
      return stripeError(400, {
        type: 'invalid_request_error',
        code: 'charge_not_refundable',
        message: 'This PaymentIntent has no successful charge to refund.',
      });
    }
    const refunded = [...this.refunds.values()]
      .filter(
        (r) =>
          r.refund.payment_intent === pi.id && r.refund.status !== 'failed' && r.refund.status !== 'canceled',
      )
      .reduce((sum, r) => sum + r.refund.amount, 0);
    const remaining = pi.amount_received - refunded;
    if (remaining <= 0) {
      return stripeError(400, {
        type: 'invalid_request_error',
        code: 'charge_already_refunded',
        message: `Charge ${pi.latest_charge} has already been refunded.`,
      });
    }
    const amount = param(p, 'amount') ? Number(param(p, 'amount')) : remaining;
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > remaining) {
      return stripeError(400, {
        type: 'invalid_request_error',
        code: 'amount_too_large',
        param: 'amount',
        message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
      });
    }
    const refund: RefundObject = {
      id: stripeId('re'),
      object: 'refund',
      amount,
      currency: pi.currency,
      charge: pi.latest_charge,
      payment_intent: pi.id,
      status: this.refundsStartPending ? 'pending' : 'succeeded',
      reason: param(p, 'reason') ?? null,
      failure_reason: null,
      metadata: (typeof p.metadata === 'object' && !Array.isArray(p.metadata) ? p.metadata : {}) as Record<
        string,
        string
      >,
      balance_transaction: stripeId('txn'),
      created: unix(),
    };
    this.refunds.set(refund.id, { account, refund });
    this.emit(account, 'refund.created', refund);
    return ok(refund);
  }

  private checkoutPage(req: FakeRequest): FakeResponse {
    const found = this.intents.get(req.params.id ?? '');
    if (!found || req.query.get('client_secret') !== found.pi.client_secret) {
      return { ...htmlPage('Stripe sandbox', '<p>Unknown payment.</p>'), status: 404 };
    }
    const pi = found.pi;
    const action = `/sandbox/checkout/${escapeHtml(pi.id)}?${escapeHtml(req.query.toString())}`;
    const cards: [string, string][] = [
      ['pm_card_visa', 'Visa 4242 4242 4242 4242 (succeeds)'],
      ['pm_card_authenticationRequired', 'Visa 4000 0027 6000 3184 (3-D Secure)'],
      ['pm_card_chargeDeclinedInsufficientFunds', 'Visa 4000 0000 0000 9995 (insufficient funds)'],
      ['pm_card_chargeDeclined', 'Visa 4000 0000 0000 0002 (declined)'],
    ];
    return htmlPage(
      'Card payment (Stripe sandbox)',
      `<p>Amount: <b>${(pi.amount / 100).toFixed(2)} ${escapeHtml(pi.currency.toUpperCase())}</b></p><form method="post" action="${action}">${cards
        .map(
          ([pm, label], i) =>
            `<button ${i === 0 ? 'class="primary" ' : ''}name="payment_method" value="${pm}">${escapeHtml(label)}</button>`,
        )
        .join('')}</form>`,
    );
  }

  private async checkoutDecision(req: FakeRequest): Promise<FakeResponse> {
    const found = this.intents.get(req.params.id ?? '');
    const returnUrl = req.query.get('return_url');
    if (!found || req.query.get('client_secret') !== found.pi.client_secret || !returnUrl) {
      return { ...htmlPage('Stripe sandbox', '<p>Unknown payment.</p>'), status: 404 };
    }
    const pm = (await formBody(req)).get('payment_method') ?? '';
    this.confirm(found.pi, found.account, { payment_method: pm, return_url: returnUrl });
    const pi = found.pi;
    if (pi.status === 'requires_action' && pi.next_action)
      return redirect(pi.next_action.redirect_to_url.url);
    return redirect(this.returnTo(pi, returnUrl));
  }

  private returnTo(pi: PaymentIntentObject, returnUrl: string): string {
    return withQuery(returnUrl, {
      payment_intent: pi.id,
      payment_intent_client_secret: pi.client_secret,
      redirect_status:
        pi.status === 'succeeded' || pi.status === 'requires_capture' || pi.status === 'processing'
          ? 'succeeded'
          : 'failed',
    });
  }

  private threeDsPage(req: FakeRequest): FakeResponse {
    const found = this.intents.get(req.params.id ?? '');
    if (!found || found.pi.status !== 'requires_action')
      return { ...htmlPage('3-D Secure', '<p>Nothing to authenticate.</p>'), status: 404 };
    return htmlPage(
      '3-D Secure test page',
      `<form method="post" action="/sandbox/3ds/${escapeHtml(found.pi.id)}"><button class="primary" name="outcome" value="complete">Complete authentication</button><button name="outcome" value="fail">Fail authentication</button></form>`,
    );
  }

  private async threeDsDecision(req: FakeRequest): Promise<FakeResponse> {
    const found = this.intents.get(req.params.id ?? '');
    if (!found || found.pi.status !== 'requires_action')
      return { ...htmlPage('3-D Secure', '<p>Nothing to authenticate.</p>'), status: 404 };
    const returnUrl = found.pi.next_action?.redirect_to_url.return_url ?? '';
    if ((await formBody(req)).get('outcome') === 'complete') this.succeed(found.pi, found.account);
    else {
      this.decline(found.pi, found.account, {
        type: 'card_error',
        code: 'payment_intent_authentication_failure',
        message: 'The provided PaymentMethod has failed authentication.',
      });
    }
    return returnUrl ? redirect(this.returnTo(found.pi, returnUrl)) : htmlPage('3-D Secure', '<p>Done.</p>');
  }

  /** A fresh account with random keys. */
  static randomAccount(): StripeAccount {
    return {
      secretKey: `sk_test_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`,
      webhookSecrets: [`whsec_${randomBytes(24).toString('base64url').replace(/[-_]/g, 'x')}`],
    };
  }
}
