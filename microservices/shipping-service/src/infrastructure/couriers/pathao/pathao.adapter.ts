import { field, headerValue, localPhone, minorToTaka, takaToMinor } from '../courier-http.js';
import type { CourierAccount, PathaoAccount } from '../courier-account.js';
import type {
  BookedParcel,
  CourierGateway,
  CourierParcel,
  CourierRate,
  CourierRateQuery,
  CourierStatusReport,
  InboundWebhook,
  VerifiedWebhook,
  WebhookReply,
} from '../courier-gateway.js';
import { courierRejected, courierUnavailable, webhookSignatureInvalid } from '../courier.errors.js';
import { sameSecret } from '../secret-compare.js';
import type { PathaoClient } from './pathao.client.js';
import type { PathaoLocations } from './pathao-locations.js';
import { pathaoEventOfName, statusOfPathaoEvent } from './pathao-status.mapper.js';

/** The fixed header value Pathao requires on webhook answers (its integration checklist). */
export const PATHAO_INTEGRATION_SECRET = 'f3992ecc-59da-4cbe-a049-a13da2018d51';

function pathaoAccount(account: CourierAccount): PathaoAccount {
  if (account.courier !== 'pathao') throw new Error(`Not a Pathao account: ${account.id}`);
  return account;
}

/** Pathao's weight: kilograms, at least 0.5 (its minimum), one decimal. */
function weightKg(grams: number): number {
  return Math.max(0.5, Math.ceil(grams / 100) / 10);
}

/** `address, area, district`, within Pathao's 10–220 characters. */
function addressLine(parcel: CourierParcel): string {
  const parts = [parcel.recipient.address, parcel.recipient.area, parcel.recipient.district].filter(
    (p): p is string => !!p && p.trim() !== '',
  );
  return [...new Set(parts)].join(', ').slice(0, 220).padEnd(10, '.');
}

function parseTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** One of the merchant's Pathao stores. */
export interface PathaoStoreInfo {
  storeId: number;
  name: string;
  address: string;
  active: boolean;
  isDefault: boolean;
}

export interface PathaoStoreInput {
  name: string;
  contactName: string;
  contactNumber: string;
  address: string;
  cityId: number;
  zoneId: number;
  areaId: number;
}

function named(data: unknown, idKey: string, nameKey: string): { id: number; name: string }[] {
  const list = field(data, 'data');
  return (Array.isArray(list) ? list : []).map((r) => ({
    id: Number(field(r, idKey)),
    name: String(field(r, nameKey) ?? ''),
  }));
}

/** Pathao behind `CourierGateway` (shared/gateways/pathao.md). */
export class PathaoAdapter implements CourierGateway {
  readonly courier = 'pathao' as const;

  constructor(
    private readonly client: PathaoClient,
    private readonly locations: PathaoLocations,
  ) {}

  async book(account: CourierAccount, parcel: CourierParcel): Promise<BookedParcel> {
    const a = pathaoAccount(account);
    const weight = weightKg(parcel.weightGrams);
    if (weight > 10)
      throw courierRejected('pathao', 'parcels over 10 kg are not accepted', { item_weight: weight });
    const data = await this.client.data(a, 'POST', 'orders', this.orderFields(a, parcel));
    const consignment = field(data, 'consignment_id');
    if (typeof consignment !== 'string' && typeof consignment !== 'number') {
      throw courierUnavailable('pathao', 'a booking answer without a consignment id');
    }
    return {
      consignmentId: String(consignment),
      trackingId: String(consignment),
      courierStatus: String(field(data, 'order_status') ?? 'Pending'),
      deliveryFeeMinor: takaToMinor(field(data, 'delivery_fee')),
    };
  }

  private orderFields(a: PathaoAccount, parcel: CourierParcel): Record<string, unknown> {
    const storeId =
      (parcel.warehouseId && a.settings.storeByWarehouse[parcel.warehouseId]) || a.settings.defaultStoreId;
    // City, zone and area are omitted (never null): Pathao derives them from the address.
    return {
      store_id: storeId,
      merchant_order_id: parcel.reference,
      recipient_name: parcel.recipient.name.slice(0, 100).padEnd(3, '.'),
      recipient_phone: localPhone(parcel.recipient.phone),
      recipient_address: addressLine(parcel),
      delivery_type: a.settings.deliveryType,
      item_type: a.settings.itemType,
      item_quantity: Math.max(1, parcel.itemCount),
      item_description: parcel.description.slice(0, 250),
      amount_to_collect: minorToTaka(parcel.codAmountMinor),
      item_weight: weightKg(parcel.weightGrams),
      ...(parcel.note ? { special_instruction: parcel.note.slice(0, 250) } : {}),
    };
  }

  /** The merchant's stores (pickup points); `is_active` 0 while Pathao has not approved one. */
  async stores(account: CourierAccount): Promise<PathaoStoreInfo[]> {
    const data = await this.client.data(pathaoAccount(account), 'GET', 'stores');
    const list = field(data, 'data');
    return (Array.isArray(list) ? list : []).map((s) => ({
      storeId: Number(field(s, 'store_id')),
      name: String(field(s, 'store_name') ?? ''),
      address: String(field(s, 'store_address') ?? ''),
      active: Number(field(s, 'is_active')) === 1,
      isDefault: field(s, 'is_default_store') === true || field(s, 'is_default_store') === 1,
    }));
  }

  /** Asks Pathao for a new store; it is usable once Pathao approves it (about an hour). */
  async createStore(account: CourierAccount, input: PathaoStoreInput): Promise<void> {
    await this.client.data(pathaoAccount(account), 'POST', 'stores', {
      name: input.name,
      contact_name: input.contactName,
      contact_number: localPhone(input.contactNumber),
      address: input.address,
      city_id: input.cityId,
      zone_id: input.zoneId,
      area_id: input.areaId,
    });
  }

  async cities(account: CourierAccount): Promise<{ id: number; name: string }[]> {
    return named(await this.client.data(pathaoAccount(account), 'GET', 'city-list'), 'city_id', 'city_name');
  }

  async zones(account: CourierAccount, cityId: number): Promise<{ id: number; name: string }[]> {
    return named(
      await this.client.data(pathaoAccount(account), 'GET', `cities/${cityId}/zone-list`),
      'zone_id',
      'zone_name',
    );
  }

  async areas(
    account: CourierAccount,
    zoneId: number,
  ): Promise<{ id: number; name: string; homeDelivery: boolean }[]> {
    const data = await this.client.data(pathaoAccount(account), 'GET', `zones/${zoneId}/area-list`);
    const list = field(data, 'data');
    return (Array.isArray(list) ? list : []).map((a) => ({
      id: Number(field(a, 'area_id')),
      name: String(field(a, 'area_name') ?? ''),
      homeDelivery: Boolean(field(a, 'home_delivery_available')),
    }));
  }

  /**
   * Submits parcels in one bulk order. Pathao answers 202 and creates them later, announcing
   * each consignment with an `order.created` webhook carrying our reference.
   */
  async bookMany(account: CourierAccount, parcels: readonly CourierParcel[]): Promise<void> {
    const a = pathaoAccount(account);
    await this.client.data(a, 'POST', 'orders/bulk', { orders: parcels.map((p) => this.orderFields(a, p)) });
  }

  /** Pathao has no lookup by `merchant_order_id`; its `order.created` webhook carries it instead. */
  async exists(): Promise<boolean | null> {
    return null;
  }

  async status(account: CourierAccount, consignmentId: string): Promise<CourierStatusReport> {
    const data = await this.client.data(
      pathaoAccount(account),
      'GET',
      `orders/${encodeURIComponent(consignmentId)}/info`,
    );
    const name = String(field(data, 'order_status') ?? '');
    const event = pathaoEventOfName(name);
    return { courierStatus: event ?? name, status: event ? (statusOfPathaoEvent(event) ?? null) : null };
  }

  async rate(account: CourierAccount, query: CourierRateQuery): Promise<CourierRate | null> {
    const a = pathaoAccount(account);
    const place = await this.locations.place(a, query.district, query.area);
    if (!place) return null;
    const weight = weightKg(query.weightGrams);
    if (weight > 10) return null;
    const storeId =
      (query.warehouseId && a.settings.storeByWarehouse[query.warehouseId]) || a.settings.defaultStoreId;
    const data = await this.client.data(a, 'POST', 'merchant/price-plan', {
      store_id: storeId,
      item_type: a.settings.itemType,
      delivery_type: a.settings.deliveryType,
      item_weight: weight,
      recipient_city: place.cityId,
      recipient_zone: place.zoneId,
    });
    const fee = takaToMinor(field(data, 'final_price'));
    if (fee === null) return null;
    const percentage = Number(field(data, 'cod_percentage') ?? 0);
    // cod_percentage is a fraction (0.01 = 1 %): in basis points, applied with integer rounding.
    const bps = BigInt(Math.round((Number.isFinite(percentage) ? percentage : 0) * 10_000));
    const cod = query.codAmountMinor > 0n ? (query.codAmountMinor * bps + 5_000n) / 10_000n : 0n;
    return { deliveryFeeMinor: fee, codFeeMinor: cod };
  }

  verifyWebhook(account: CourierAccount, webhook: InboundWebhook): VerifiedWebhook {
    const a = pathaoAccount(account);
    let body: unknown;
    try {
      body = JSON.parse(webhook.rawBody.toString('utf8')) as unknown;
    } catch {
      body = undefined;
    }
    const event = field(body, 'event');
    // The integration probe may come without the secret; it changes nothing.
    if (event === 'webhook_integration') return { kind: 'handshake' };
    if (!sameSecret(headerValue(webhook.headers, 'x-pathao-signature'), a.credentials.webhookSecret)) {
      throw webhookSignatureInvalid('pathao');
    }
    if (typeof event !== 'string' || !event.startsWith('order.')) {
      if (typeof event === 'string' && event.startsWith('store.')) return { kind: 'ignored', event };
      throw courierRejected('pathao', 'a webhook without an order event', { event: event ?? null });
    }
    const legacy = field(body, 'order_status');
    const slug =
      statusOfPathaoEvent(event) !== undefined
        ? event
        : typeof legacy === 'string'
          ? (pathaoEventOfName(legacy) ?? event)
          : event;
    const consignment = field(body, 'consignment_id');
    const reference = field(body, 'merchant_order_id');
    const updatedAt = field(body, 'updated_at') ?? field(body, 'timestamp');
    const reason = field(body, 'reason');
    return {
      kind: 'update',
      consignmentId:
        typeof consignment === 'string' || typeof consignment === 'number' ? String(consignment) : null,
      reference: typeof reference === 'string' && reference !== '' ? reference : null,
      courierStatus: slug,
      status: statusOfPathaoEvent(slug) ?? null,
      dedupeKey: `pathao|${String(consignment)}|${slug}|${String(updatedAt ?? '')}`,
      occurredAt: parseTime(updatedAt),
      message: typeof reason === 'string' ? reason.slice(0, 500) : null,
      collectedAmountMinor: takaToMinor(field(body, 'collected_amount')),
    };
  }

  acceptedReply(): WebhookReply {
    return {
      status: 202,
      headers: { 'x-pathao-merchant-webhook-integration-secret': PATHAO_INTEGRATION_SECRET },
      body: { message: 'Webhook received' },
    };
  }
}
