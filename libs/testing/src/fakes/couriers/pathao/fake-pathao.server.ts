import { randomBytes } from 'node:crypto';
import {
  FakeHttpServer,
  type FakeRequest,
  type FakeResponse,
  jsonBody,
} from '../../payments/fake-http.server.js';
import { FakePathaoAuth } from './fake-pathao.auth.js';
import {
  pathaoAreas,
  pathaoCities,
  pathaoCreateStore,
  pathaoInvalid,
  pathaoList,
  pathaoPricePlan,
  pathaoSuccess,
  pathaoZones,
} from './fake-pathao.directory.js';
import { CourierWebhookSender, type CourierWebhookDelivery } from '../courier-webhook.sender.js';
import { pathaoPrice } from './fake-pathao.catalog.js';
import {
  PATHAO_HAPPY_PATH,
  PATHAO_INTEGRATION_SECRET,
  PATHAO_STATUS_NAMES,
  type PathaoMerchant,
  type PathaoOrder,
  type PathaoStore,
  pathaoTime,
} from './fake-pathao.state.js';
import { validatePathaoOrder } from './fake-pathao.validation.js';

export interface FakePathaoOptions {
  /** `expires_in` of issued access tokens (default 432 000 s = 5 days, as in Pathao's sample). */
  tokenTtlSeconds?: number;
  /** When set, every new consignment walks the happy path one event per this many ms (the demo). */
  autoAdvanceMs?: number;
  /** Webhook retries after a non-2xx answer (default 0). */
  webhookRetries?: number;
}

export interface PathaoMerchantInput {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

/** How to send one webhook event: extra fields, a forged secret, twice. */
export interface PathaoEventOptions {
  reason?: string;
  /** `collected_amount` (BDT) on delivery events; defaults to `amount_to_collect`. */
  collectedAmount?: number;
  /** Send this `X-PATHAO-Signature` instead of the configured secret (`null`: no header). */
  signature?: string | null;
  /** Deliver the same body this many times (default 1). */
  times?: number;
  /** Send the webhook but leave the consignment's current status as it was (an out-of-order replay). */
  stale?: boolean;
  /** The event's time (`updated_at`); now by default. A late report carries an earlier one. */
  at?: Date;
}

const API = '/aladdin/api/v1';
type Body = Record<string, unknown>;

const unauthenticated: FakeResponse = { status: 401, body: { message: 'Unauthenticated.' } };

function consignmentId(): string {
  const day = new Date().toISOString().slice(2, 10).replace(/-/g, '');
  return `DL${day}${randomBytes(4).toString('hex').toUpperCase().slice(0, 6)}`;
}

/**
 * Pathao's merchant API ("Aladdin", shared/gateways/pathao.md) on loopback: both token flows
 * and refresh, stores, the city → zone → area tree, the price plan, order create (validated as
 * Pathao does), bulk create (202, consignments later by webhook) and short info; webhooks with
 * the integration handshake, the shared-secret `X-PATHAO-Signature`, duplicates, out-of-order
 * delivery and retries; a lifecycle driver and an optional clock that walks parcels for the demo.
 */
export class FakePathaoServer {
  readonly http = new FakeHttpServer({ status: 404, body: { message: 'Not Found' } });
  readonly webhooks: CourierWebhookSender;
  private readonly merchants = new Map<string, PathaoMerchant>();
  private readonly auth: FakePathaoAuth;
  readonly orders = new Map<string, PathaoOrder>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextStoreId = 2001;

  constructor(private readonly options: FakePathaoOptions = {}) {
    this.auth = new FakePathaoAuth((id) => this.merchants.get(id), options.tokenTtlSeconds ?? 432_000);
    this.webhooks = new CourierWebhookSender({ retries: options.webhookRetries ?? 0 });
    const authed = (
      method: string,
      path: string,
      h: (req: FakeRequest, m: PathaoMerchant) => FakeResponse | Promise<FakeResponse>,
    ) =>
      this.http.route(method, `${API}/${path}`, (req) => {
        const m = this.auth.merchantOf(req);
        return m ? h(req, m) : unauthenticated;
      });
    this.http.route('POST', `${API}/issue-token`, (req) => this.auth.issueToken(req));
    this.http.route('POST', `${API}/external/login`, (req) => this.auth.externalLogin(req));
    authed('GET', 'stores', (_r, m) => pathaoList(m.stores));
    authed('POST', 'stores', (req, m) => pathaoCreateStore(req, m, () => this.nextStoreId++));
    authed('GET', 'city-list', () => pathaoCities());
    authed('GET', 'countries/1/city-list', () => pathaoCities());
    authed('GET', 'cities/:cityId/zone-list', (req) => pathaoZones(Number(req.params.cityId)));
    authed('GET', 'zones/:zoneId/area-list', (req) => pathaoAreas(Number(req.params.zoneId)));
    authed('POST', 'merchant/price-plan', (req, m) => pathaoPricePlan(req, m));
    authed('POST', 'orders', (req, m) => this.createOrder(req, m));
    authed('POST', 'orders/bulk', (req, m) => this.bulk(req, m));
    authed('GET', 'orders/:id/info', (req, m) => this.info(req.params.id ?? '', m));
    // Demo/test controls (not Pathao's API): register a webhook URL, push an event.
    this.http.route('POST', '/__fake/webhooks', async (req) => {
      const b = (jsonBody(req) ?? {}) as Body;
      const accepted = await this.registerWebhook(String(b.client_id), String(b.url), String(b.secret));
      return { status: 200, body: { accepted } };
    });
    this.http.route('POST', '/__fake/orders/:id/events', async (req) => {
      const b = (jsonBody(req) ?? {}) as Body;
      const sent = await this.advance(req.params.id ?? '', String(b.event));
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

  /** Adds a merchant with one active default store (1001 + n) and one store still pending approval. */
  addMerchant(input: PathaoMerchantInput): PathaoMerchant {
    const n = this.merchants.size;
    const store = (id: number, name: string, active: 0 | 1, isDefault: boolean): PathaoStore => ({
      store_id: id,
      store_name: name,
      store_address: 'House 12, Road 7, Dhanmondi, Dhaka',
      is_active: active,
      city_id: 1,
      zone_id: 1,
      hub_id: 11,
      is_default_store: isDefault,
      is_default_return_store: isDefault,
    });
    const merchant: PathaoMerchant = {
      ...input,
      stores: [
        store(1001 + n * 10, 'Main warehouse', 1, true),
        store(1002 + n * 10, 'New outlet (pending)', 0, false),
      ],
    };
    this.merchants.set(input.clientId, merchant);
    return merchant;
  }

  /**
   * What adding the URL in Pathao's panel does: sends the integration probe and accepts the URL
   * only if it answers 202 with the integration header.
   */
  async registerWebhook(clientId: string, url: string, secret: string): Promise<boolean> {
    const m = this.merchants.get(clientId);
    if (!m) return false;
    const probe = await this.webhooks.send(
      url,
      { 'content-type': 'application/json' },
      JSON.stringify({ event: 'webhook_integration' }),
    );
    const accepted =
      probe.status === 202 &&
      probe.responseHeaders['x-pathao-merchant-webhook-integration-secret'] === PATHAO_INTEGRATION_SECRET;
    m.webhook = { url, secret, accepted };
    return accepted;
  }

  /** Makes every access token issued so far expire now (the client must refresh). */
  expireTokens(): void {
    this.auth.expireAll();
  }

  /** Moves a consignment to `event` and sends the webhook (unless `stale`, which only sends it). */
  async advance(
    id: string,
    event: string,
    options: PathaoEventOptions = {},
  ): Promise<CourierWebhookDelivery[]> {
    const order = this.orders.get(id);
    if (!order) throw new Error(`Unknown consignment ${id}`);
    if (!(event in PATHAO_STATUS_NAMES)) throw new Error(`Unknown Pathao event ${event}`);
    const at = options.at ?? new Date();
    if (!options.stale) {
      order.event = event;
      order.updated_at = pathaoTime(at);
      if (event === 'order.paid') order.invoice_id = `INV${randomBytes(3).toString('hex').toUpperCase()}`;
    }
    return this.emit(order, event, at, options);
  }

  /** The webhook body Pathao sends for `event` of `order`. */
  webhookBody(order: PathaoOrder, event: string, at: Date, options: PathaoEventOptions = {}): Body {
    const m = this.merchants.get(order.clientId);
    const store = m?.stores.find((s) => s.store_id === order.store_id);
    const delivery = event === 'order.delivered' || event === 'order.partial-delivery';
    return {
      event,
      consignment_id: order.consignment_id,
      merchant_order_id: order.merchant_order_id,
      store_id: store?.store_id ?? order.store_id,
      updated_at: pathaoTime(at),
      timestamp: at.toISOString(),
      delivery_fee: order.delivery_fee,
      ...(delivery ? { collected_amount: options.collectedAmount ?? order.amount_to_collect } : {}),
      ...(options.reason ? { reason: options.reason } : {}),
      ...(event === 'order.paid' ? { invoice_id: order.invoice_id } : {}),
    };
  }

  private async emit(
    order: PathaoOrder,
    event: string,
    at: Date,
    options: PathaoEventOptions,
  ): Promise<CourierWebhookDelivery[]> {
    const m = this.merchants.get(order.clientId);
    if (!m?.webhook?.accepted) return [];
    const body = JSON.stringify(this.webhookBody(order, event, at, options));
    const signature = options.signature === undefined ? m.webhook.secret : options.signature;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers['x-pathao-signature'] = signature;
    const out: CourierWebhookDelivery[] = [];
    for (let i = 0; i < (options.times ?? 1); i++)
      out.push(await this.webhooks.send(m.webhook.url, headers, body));
    return out;
  }

  private newOrder(b: Body, m: PathaoMerchant): PathaoOrder {
    const weight = Number(b.item_weight);
    const zoneId = typeof b.recipient_zone === 'number' ? b.recipient_zone : 1;
    const cityId = typeof b.recipient_city === 'number' ? b.recipient_city : 1;
    const fee = pathaoPrice({
      cityId,
      zoneId,
      weightKg: weight,
      deliveryType: Number(b.delivery_type),
    }).final_price;
    const order: PathaoOrder = {
      consignment_id: consignmentId(),
      merchant_order_id: typeof b.merchant_order_id === 'string' ? b.merchant_order_id : null,
      clientId: m.clientId,
      store_id: Number(b.store_id),
      recipient_name: String(b.recipient_name),
      recipient_phone: String(b.recipient_phone),
      recipient_address: String(b.recipient_address),
      amount_to_collect: Number(b.amount_to_collect),
      item_weight: weight,
      delivery_fee: fee,
      event: 'order.created',
      invoice_id: null,
      updated_at: pathaoTime(new Date()),
      step: 0,
    };
    this.orders.set(order.consignment_id, order);
    this.scheduleAdvance(order);
    return order;
  }

  private createOrder(req: FakeRequest, m: PathaoMerchant): FakeResponse {
    const b = (jsonBody(req) ?? {}) as Body;
    const errors = validatePathaoOrder(b, m.stores);
    if (Object.keys(errors).length > 0) return pathaoInvalid(errors);
    const order = this.newOrder(b, m);
    return pathaoSuccess('Order Created Successfully', {
      consignment_id: order.consignment_id,
      merchant_order_id: order.merchant_order_id,
      order_status: 'Pending',
      delivery_fee: order.delivery_fee,
    });
  }

  private bulk(req: FakeRequest, m: PathaoMerchant): FakeResponse {
    const b = (jsonBody(req) ?? {}) as Body;
    if (!Array.isArray(b.orders) || b.orders.length === 0)
      return pathaoInvalid({ orders: ['The orders field is required.'] });
    const items = b.orders as Body[];
    // Asynchronous, as on Pathao: accepted now, consignments announced by `order.created` webhooks.
    setImmediate(() => {
      void (async () => {
        for (const item of items) {
          if (Object.keys(validatePathaoOrder(item, m.stores)).length > 0) continue;
          const order = this.newOrder(item, m);
          await this.emit(order, 'order.created', new Date(), {});
        }
      })();
    });
    return {
      status: 202,
      body: {
        message:
          'Your bulk order creation request is accepted, please wait some time to complete order creation.',
        type: 'success',
        code: 202,
        data: true,
      },
    };
  }

  private info(id: string, m: PathaoMerchant): FakeResponse {
    const order = this.orders.get(id);
    if (!order || order.clientId !== m.clientId) {
      return { status: 404, body: { message: 'Order not found', type: 'error', code: 404 } };
    }
    return pathaoSuccess('Order info', {
      consignment_id: order.consignment_id,
      merchant_order_id: order.merchant_order_id,
      order_status: PATHAO_STATUS_NAMES[order.event],
      order_status_slug: order.event.replace(/^order\./, '').replace(/-/g, '_'),
      updated_at: order.updated_at,
      invoice_id: order.invoice_id,
    });
  }

  private scheduleAdvance(order: PathaoOrder): void {
    const every = this.options.autoAdvanceMs;
    if (!every) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const next = PATHAO_HAPPY_PATH[order.step];
      if (!next || order.event === 'order.delivered') return;
      order.step += 1;
      void this.advance(order.consignment_id, next).finally(() => this.scheduleAdvance(order));
    }, every);
    timer.unref();
    this.timers.add(timer);
  }
}
