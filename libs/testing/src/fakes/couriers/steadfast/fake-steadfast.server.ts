import { randomBytes } from 'node:crypto';
import {
  FakeHttpServer,
  type FakeRequest,
  type FakeResponse,
  header,
  jsonBody,
} from '../../payments/fake-http.server.js';
import { type Errors, validateSteadfastOrder } from './fake-steadfast.validation.js';
import { CourierWebhookSender, type CourierWebhookDelivery } from '../courier-webhook.sender.js';
import {
  STEADFAST_HAPPY_PATH,
  STEADFAST_STATUSES,
  type SteadfastConsignment,
  type SteadfastMerchant,
  type SteadfastReturnRequest,
  steadfastTime,
} from './fake-steadfast.state.js';

export interface FakeSteadfastOptions {
  /** Duplicate invoices and validation errors: HTTP 400 (default) or HTTP 200 with `status: 400` inside. */
  errorMode?: 'http400' | 'http200';
  /** When set, every new consignment walks the happy path one step per this many ms (the demo). */
  autoAdvanceMs?: number;
  /** Webhook retries after a non-2xx answer (default 0). */
  webhookRetries?: number;
  /** Delivery charge (BDT) the fake books per parcel (default 60). */
  deliveryCharge?: number;
}

/** How to send one webhook: status spelling, a forged token, twice, without changing state. */
export interface SteadfastEventOptions {
  /** The doc's example capitalises (`Delivered`); the fake sends lower case unless told. */
  capitalise?: boolean;
  /** `Authorization: Bearer <token>` with this instead of the configured one (`null`: no header). */
  token?: string | null;
  times?: number;
  /** Send the webhook but keep the consignment's status (an out-of-order replay). */
  stale?: boolean;
  message?: string;
  /** The event's time (`updated_at`); now by default. */
  at?: Date;
}

const API = '/api/v1';
type Body = Record<string, unknown>;

const FINAL_BALANCE = new Set(['delivered', 'partial_delivered']);

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Steadfast's API v1 (shared/gateways/steadfast.md) on loopback: `Api-Key`/`Secret-Key` auth
 * (401 `Unauthenticated.`, an inactive-account mode), create and bulk create with the
 * documented validation and duplicate-invoice errors, status by consignment id / invoice /
 * tracking code, balance, return requests, payments, police stations; bearer-token webhooks
 * (`delivery_status`, `tracking_update`) with duplicates, out-of-order delivery, capitalised
 * statuses and retries; a lifecycle driver and an optional clock for the demo.
 */
export class FakeSteadfastServer {
  readonly http = new FakeHttpServer({ status: 404, body: { status: 404, message: 'Not Found' } });
  readonly webhooks: CourierWebhookSender;
  private readonly merchants = new Map<string, SteadfastMerchant>();
  readonly consignments = new Map<number, SteadfastConsignment>();
  private readonly returns = new Map<number, SteadfastReturnRequest>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextId = 1_000_001;
  private nextReturnId = 1;

  constructor(private readonly options: FakeSteadfastOptions = {}) {
    this.webhooks = new CourierWebhookSender({ retries: options.webhookRetries ?? 0 });
    const authed = (
      method: string,
      path: string,
      h: (req: FakeRequest, m: SteadfastMerchant) => FakeResponse,
    ) =>
      this.http.route(method, `${API}/${path}`, (req) => {
        const m = this.merchants.get(header(req, 'api-key') ?? '');
        if (!m || header(req, 'secret-key') !== m.secretKey)
          return { status: 401, body: { message: 'Unauthenticated.' } };
        req.credential = m.apiKey;
        if (!m.active)
          return {
            status: 403,
            body: { status: 403, message: 'Your account is not active. Please contact support.' },
          };
        return h(req, m);
      });
    authed('POST', 'create_order', (req, m) => this.create(req, m));
    authed('POST', 'create_order/bulk-order', (req, m) => this.bulk(req, m));
    authed('GET', 'status_by_cid/:id', (req, m) =>
      this.status(m, (c) => String(c.consignment_id) === req.params.id),
    );
    authed('GET', 'status_by_invoice/:invoice', (req, m) =>
      this.status(m, (c) => c.invoice === req.params.invoice),
    );
    authed('GET', 'status_by_trackingcode/:code', (req, m) =>
      this.status(m, (c) => c.tracking_code === req.params.code),
    );
    authed('GET', 'get_balance', (_req, m) => ({
      status: 200,
      body: { status: 200, current_balance: m.balance },
    }));
    authed('POST', 'create_return_request', (req, m) => this.createReturn(req, m));
    authed('GET', 'get_return_request/:id', (req) => {
      const r = this.returns.get(Number(req.params.id));
      return r
        ? { status: 200, body: r }
        : { status: 404, body: { status: 404, message: 'Return request not found' } };
    });
    authed('GET', 'get_return_requests', () => ({ status: 200, body: [...this.returns.values()] }));
    authed('GET', 'payments', () => ({ status: 200, body: { status: 200, data: [] } }));
    authed('GET', 'payments/:id', () => ({
      status: 404,
      body: { status: 404, message: 'Payment not found' },
    }));
    authed('GET', 'police_stations', () => ({
      status: 200,
      body: {
        status: 200,
        data: [
          { id: 1, name: 'Dhanmondi' },
          { id: 2, name: 'Gulshan' },
          { id: 3, name: 'Savar' },
        ],
      },
    }));
    this.http.route('POST', '/__fake/webhooks', (req) => {
      const b = (jsonBody(req) ?? {}) as Body;
      this.registerWebhook(String(b.api_key), String(b.url), String(b.token));
      return { status: 200, body: { registered: true } };
    });
    this.http.route('POST', '/__fake/consignments/:id/status', async (req) => {
      const b = (jsonBody(req) ?? {}) as Body;
      const sent = await this.advance(Number(req.params.id), String(b.status));
      return { status: 200, body: { sent: sent.map((d) => d.status) } };
    });
  }

  async start(port = 0): Promise<string> {
    return this.http.start(port);
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.http.close();
  }

  get url(): string {
    return this.http.url;
  }

  addMerchant(input: { apiKey: string; secretKey: string; active?: boolean }): SteadfastMerchant {
    const m: SteadfastMerchant = {
      apiKey: input.apiKey,
      secretKey: input.secretKey,
      active: input.active ?? true,
      balance: 0,
    };
    this.merchants.set(m.apiKey, m);
    return m;
  }

  setActive(apiKey: string, active: boolean): void {
    const m = this.merchants.get(apiKey);
    if (m) m.active = active;
  }

  /** The merchant panel's Webhook page: Callback URL and Auth Token (Bearer). */
  registerWebhook(apiKey: string, url: string, token: string): void {
    const m = this.merchants.get(apiKey);
    if (m) m.webhook = { url, token };
  }

  balanceOf(apiKey: string): number {
    return this.merchants.get(apiKey)?.balance ?? 0;
  }

  /** Moves a consignment to `status` and sends the `delivery_status` webhook. */
  async advance(
    id: number,
    status: string,
    options: SteadfastEventOptions = {},
  ): Promise<CourierWebhookDelivery[]> {
    const c = this.consignments.get(id);
    if (!c) throw new Error(`Unknown consignment ${id}`);
    if (!(STEADFAST_STATUSES as readonly string[]).includes(status))
      throw new Error(`Unknown Steadfast status ${status}`);
    const at = options.at ?? new Date();
    if (!options.stale) this.setStatus(c, status, at);
    return this.emit(
      c,
      {
        notification_type: 'delivery_status',
        consignment_id: c.consignment_id,
        invoice: c.invoice,
        cod_amount: c.cod_amount,
        status: options.capitalise ? capitalised(status) : status,
        delivery_charge: c.delivery_charge,
        tracking_message: options.message ?? `Status changed to ${status}`,
        updated_at: steadfastTime(at),
      },
      options,
    );
  }

  /** Sends a `tracking_update` webhook (no status change). */
  async track(
    id: number,
    message: string,
    options: SteadfastEventOptions = {},
  ): Promise<CourierWebhookDelivery[]> {
    const c = this.consignments.get(id);
    if (!c) throw new Error(`Unknown consignment ${id}`);
    return this.emit(
      c,
      {
        notification_type: 'tracking_update',
        consignment_id: c.consignment_id,
        invoice: c.invoice,
        tracking_message: message,
        updated_at: steadfastTime(new Date()),
      },
      options,
    );
  }

  private setStatus(c: SteadfastConsignment, status: string, at: Date): void {
    const m = this.merchants.get(c.apiKey);
    if (m && !FINAL_BALANCE.has(c.status)) {
      if (FINAL_BALANCE.has(status)) m.balance += c.cod_amount - c.delivery_charge;
      else if (status === 'cancelled') m.balance -= c.delivery_charge;
    }
    c.status = status;
    c.updated_at = steadfastTime(at);
  }

  private async emit(
    c: SteadfastConsignment,
    payload: Body,
    options: SteadfastEventOptions,
  ): Promise<CourierWebhookDelivery[]> {
    const m = this.merchants.get(c.apiKey);
    if (!m?.webhook) return [];
    const token = options.token === undefined ? m.webhook.token : options.token;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const body = JSON.stringify(payload);
    const out: CourierWebhookDelivery[] = [];
    for (let i = 0; i < (options.times ?? 1); i++)
      out.push(await this.webhooks.send(m.webhook.url, headers, body));
    return out;
  }

  private error(errors: Errors, message = 'Validation failed'): FakeResponse {
    const body = { status: 400, message, errors };
    return { status: this.options.errorMode === 'http200' ? 200 : 400, body };
  }

  private invoiceTaken(m: SteadfastMerchant, invoice: string): boolean {
    return [...this.consignments.values()].some((c) => c.apiKey === m.apiKey && c.invoice === invoice);
  }

  private book(b: Body, m: SteadfastMerchant): SteadfastConsignment {
    const now = steadfastTime(new Date());
    const c: SteadfastConsignment = {
      consignment_id: this.nextId++,
      invoice: String(b.invoice),
      tracking_code: randomBytes(4).toString('hex').toUpperCase(),
      apiKey: m.apiKey,
      recipient_name: String(b.recipient_name),
      recipient_phone: String(b.recipient_phone),
      recipient_address: String(b.recipient_address),
      cod_amount: Number(b.cod_amount),
      note: typeof b.note === 'string' ? b.note : null,
      status: 'in_review',
      delivery_charge: this.options.deliveryCharge ?? 60,
      created_at: now,
      updated_at: now,
      step: 0,
    };
    this.consignments.set(c.consignment_id, c);
    this.scheduleAdvance(c);
    return c;
  }

  private view(c: SteadfastConsignment) {
    return {
      consignment_id: c.consignment_id,
      invoice: c.invoice,
      tracking_code: c.tracking_code,
      recipient_name: c.recipient_name,
      recipient_phone: c.recipient_phone,
      recipient_address: c.recipient_address,
      cod_amount: c.cod_amount,
      status: c.status,
      note: c.note,
      created_at: c.created_at,
      updated_at: c.updated_at,
    };
  }

  private create(req: FakeRequest, m: SteadfastMerchant): FakeResponse {
    const b = (jsonBody(req) ?? {}) as Body;
    const errors = validateSteadfastOrder(b, (inv) => this.invoiceTaken(m, inv), new Set());
    if (Object.keys(errors).length > 0) return this.error(errors, Object.values(errors)[0]?.[0]);
    const c = this.book(b, m);
    return {
      status: 200,
      body: { status: 200, message: 'Consignment has been created successfully.', consignment: this.view(c) },
    };
  }

  private bulk(req: FakeRequest, m: SteadfastMerchant): FakeResponse {
    const b = (jsonBody(req) ?? {}) as Body;
    let items: unknown = b.data;
    if (typeof items === 'string') {
      try {
        items = JSON.parse(items) as unknown;
      } catch {
        return this.error({ data: ['The data must be a valid JSON string.'] });
      }
    }
    if (!Array.isArray(items) || items.length === 0)
      return this.error({ data: ['The data field is required.'] });
    if (items.length > 500) return this.error({ data: ['The data may not have more than 500 items.'] });
    const seen = new Set<string>();
    const out = (items as Body[]).map((item) => {
      const errors = validateSteadfastOrder(item, (inv) => this.invoiceTaken(m, inv), seen);
      if (typeof item.invoice === 'string') seen.add(item.invoice);
      const echo = {
        invoice: item.invoice ?? null,
        recipient_name: item.recipient_name ?? null,
        recipient_address: item.recipient_address ?? null,
        recipient_phone: item.recipient_phone ?? null,
        cod_amount: item.cod_amount ?? null,
        note: item.note ?? null,
      };
      if (Object.keys(errors).length > 0)
        return { ...echo, consignment_id: null, tracking_code: null, status: 'error' };
      const c = this.book(item, m);
      return { ...echo, consignment_id: c.consignment_id, tracking_code: c.tracking_code, status: 'success' };
    });
    return { status: 200, body: out };
  }

  private status(m: SteadfastMerchant, match: (c: SteadfastConsignment) => boolean): FakeResponse {
    const c = [...this.consignments.values()].find((x) => x.apiKey === m.apiKey && match(x));
    if (!c) return { status: 404, body: { status: 404, message: 'Consignment not found' } };
    return { status: 200, body: { status: 200, delivery_status: c.status } };
  }

  private createReturn(req: FakeRequest, m: SteadfastMerchant): FakeResponse {
    const b = (jsonBody(req) ?? {}) as Body;
    const c = [...this.consignments.values()].find(
      (x) =>
        x.apiKey === m.apiKey &&
        ((b.consignment_id !== undefined && String(x.consignment_id) === String(b.consignment_id)) ||
          (b.invoice !== undefined && x.invoice === b.invoice) ||
          (b.tracking_code !== undefined && x.tracking_code === b.tracking_code)),
    );
    if (!c) return this.error({ consignment_id: ['The consignment could not be found.'] });
    const now = steadfastTime(new Date());
    const r: SteadfastReturnRequest = {
      id: this.nextReturnId++,
      user_id: 1,
      consignment_id: c.consignment_id,
      reason: typeof b.reason === 'string' ? b.reason : null,
      status: 'pending',
      created_at: now,
      updated_at: now,
    };
    this.returns.set(r.id, r);
    return { status: 200, body: r };
  }

  private scheduleAdvance(c: SteadfastConsignment): void {
    const every = this.options.autoAdvanceMs;
    if (!every) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const step = STEADFAST_HAPPY_PATH[c.step];
      if (!step || c.status === 'delivered' || c.status === 'cancelled') return;
      c.step += 1;
      const sent =
        'status' in step
          ? this.advance(c.consignment_id, step.status)
          : this.track(c.consignment_id, step.tracking);
      void sent.finally(() => this.scheduleAdvance(c));
    }, every);
    timer.unref();
    this.timers.add(timer);
  }
}
