import {
  type CourierResponse,
  courierFetch,
  field,
  headerValue,
  localPhone,
  minorToTaka,
  takaToMinor,
} from '../courier-http.js';
import type { CourierAccount, SteadfastAccount } from '../courier-account.js';
import type {
  BookedParcel,
  CourierGateway,
  CourierParcel,
  CourierStatusReport,
  InboundWebhook,
  VerifiedWebhook,
  WebhookReply,
} from '../courier-gateway.js';
import {
  courierAuthFailed,
  courierRejected,
  courierUnavailable,
  webhookSignatureInvalid,
} from '../courier.errors.js';
import { sameSecret } from '../secret-compare.js';
import { normaliseSteadfastStatus, statusOfSteadfast } from './steadfast-status.mapper.js';

const PREFIX = '/api/v1';

function steadfastAccount(account: CourierAccount): SteadfastAccount {
  if (account.courier !== 'steadfast') throw new Error(`Not a Steadfast account: ${account.id}`);
  return account;
}

/** `YYYY-MM-DD HH:MM:SS` in Bangladesh time (UTC+6, the offset is our reading of the docs). */
function parseTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const local = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)
    ? `${value.replace(' ', 'T')}+06:00`
    : value;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? null : at;
}

function addressLine(parcel: CourierParcel): string {
  const parts = [parcel.recipient.address, parcel.recipient.area, parcel.recipient.district].filter(
    (p): p is string => !!p && p.trim() !== '',
  );
  return [...new Set(parts)].join(', ').slice(0, 250);
}

/** One bulk item's outcome. */
export interface SteadfastBulkResult {
  reference: string;
  booked: BookedParcel | null;
}

/** Steadfast behind `CourierGateway` (shared/gateways/steadfast.md). */
export class SteadfastAdapter implements CourierGateway {
  readonly courier = 'steadfast' as const;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async book(account: CourierAccount, parcel: CourierParcel): Promise<BookedParcel> {
    const a = steadfastAccount(account);
    const res = await this.call(a, 'POST', 'create_order', this.orderFields(a, parcel));
    const consignment = field(res.body, 'consignment');
    const id = field(consignment, 'consignment_id');
    const tracking = field(consignment, 'tracking_code');
    if (id === undefined || typeof tracking !== 'string')
      throw courierUnavailable('steadfast', 'a booking answer without ids');
    return {
      consignmentId: String(id),
      trackingId: tracking,
      courierStatus: String(field(consignment, 'status') ?? 'in_review'),
      deliveryFeeMinor: null,
    };
  }

  /** Books up to 500 parcels in one call; each comes back booked or not. */
  async bookMany(account: CourierAccount, parcels: readonly CourierParcel[]): Promise<SteadfastBulkResult[]> {
    const a = steadfastAccount(account);
    if (parcels.length > 500) throw courierRejected('steadfast', 'at most 500 parcels per bulk order');
    const res = await this.call(a, 'POST', 'create_order/bulk-order', {
      data: parcels.map((p) => this.orderFields(a, p)),
    });
    const items = Array.isArray(res.body) ? res.body : [];
    return parcels.map((p) => {
      const item = items.find((i) => field(i, 'invoice') === p.reference);
      const ok = field(item, 'status') === 'success' && typeof field(item, 'tracking_code') === 'string';
      return {
        reference: p.reference,
        booked: ok
          ? {
              consignmentId: String(field(item, 'consignment_id')),
              trackingId: String(field(item, 'tracking_code')),
              courierStatus: 'in_review',
              deliveryFeeMinor: null,
            }
          : null,
      };
    });
  }

  async exists(account: CourierAccount, reference: string): Promise<boolean | null> {
    const a = steadfastAccount(account);
    const res = await this.raw(a, 'GET', `status_by_invoice/${encodeURIComponent(reference)}`);
    if (res.status === 404 || field(res.body, 'status') === 404) return false;
    return typeof field(res.body, 'delivery_status') === 'string' ? true : null;
  }

  async status(account: CourierAccount, consignmentId: string): Promise<CourierStatusReport> {
    return this.statusAt(steadfastAccount(account), `status_by_cid/${encodeURIComponent(consignmentId)}`);
  }

  async statusByInvoice(account: CourierAccount, invoice: string): Promise<CourierStatusReport> {
    return this.statusAt(steadfastAccount(account), `status_by_invoice/${encodeURIComponent(invoice)}`);
  }

  async statusByTrackingCode(account: CourierAccount, code: string): Promise<CourierStatusReport> {
    return this.statusAt(steadfastAccount(account), `status_by_trackingcode/${encodeURIComponent(code)}`);
  }

  /** The merchant's current balance, BDT minor units. */
  async balance(account: CourierAccount): Promise<bigint> {
    const res = await this.call(steadfastAccount(account), 'GET', 'get_balance');
    const balance = Number(field(res.body, 'current_balance'));
    if (!Number.isFinite(balance))
      throw courierUnavailable('steadfast', 'a balance answer without a balance');
    return BigInt(Math.round(balance * 100));
  }

  /** Steadfast publishes no price plan: the tenant's rules price its parcels. */
  async rate(): Promise<null> {
    return null;
  }

  verifyWebhook(account: CourierAccount, webhook: InboundWebhook): VerifiedWebhook {
    const a = steadfastAccount(account);
    const bearer = /^Bearer\s+(.+)$/i.exec(headerValue(webhook.headers, 'authorization') ?? '')?.[1];
    if (!sameSecret(bearer, a.credentials.webhookToken)) throw webhookSignatureInvalid('steadfast');
    let body: unknown;
    try {
      body = JSON.parse(webhook.rawBody.toString('utf8')) as unknown;
    } catch {
      throw courierRejected('steadfast', 'the webhook body is not JSON');
    }
    const type = field(body, 'notification_type');
    const consignment = field(body, 'consignment_id');
    const invoice = field(body, 'invoice');
    const updatedAt = field(body, 'updated_at');
    const message = field(body, 'tracking_message');
    const base = {
      kind: 'update' as const,
      consignmentId:
        typeof consignment === 'string' || typeof consignment === 'number' ? String(consignment) : null,
      reference: typeof invoice === 'string' && invoice !== '' ? invoice : null,
      occurredAt: parseTime(updatedAt),
      message: typeof message === 'string' ? message.slice(0, 500) : null,
    };
    if (type === 'tracking_update') {
      return {
        ...base,
        courierStatus: 'tracking_update',
        status: null,
        dedupeKey: `steadfast|${String(consignment)}|tracking_update|${String(updatedAt ?? '')}|${String(message ?? '')}`,
        collectedAmountMinor: null,
      };
    }
    if (type !== 'delivery_status' || typeof field(body, 'status') !== 'string') {
      throw courierRejected('steadfast', 'an unknown notification type', { notification_type: type ?? null });
    }
    const status = normaliseSteadfastStatus(String(field(body, 'status')));
    const mapped = statusOfSteadfast(status) ?? null;
    return {
      ...base,
      courierStatus: status,
      status: mapped,
      dedupeKey: `steadfast|${String(consignment)}|delivery_status|${status}|${String(updatedAt ?? '')}`,
      collectedAmountMinor:
        mapped === 'delivered' || mapped === 'partially_delivered'
          ? takaToMinor(field(body, 'cod_amount'))
          : null,
    };
  }

  acceptedReply(): WebhookReply {
    return {
      status: 200,
      headers: {},
      body: { status: 'success', message: 'Webhook received successfully.' },
    };
  }

  private orderFields(a: SteadfastAccount, parcel: CourierParcel): Record<string, unknown> {
    return {
      invoice: parcel.reference,
      recipient_name: parcel.recipient.name.slice(0, 100),
      recipient_phone: localPhone(parcel.recipient.phone),
      recipient_address: addressLine(parcel),
      cod_amount: minorToTaka(parcel.codAmountMinor),
      item_description: parcel.description.slice(0, 250),
      total_lot: Math.max(1, parcel.itemCount),
      delivery_type: a.settings.deliveryType,
      ...(parcel.note ? { note: parcel.note.slice(0, 250) } : {}),
    };
  }

  private async statusAt(a: SteadfastAccount, path: string): Promise<CourierStatusReport> {
    const res = await this.call(a, 'GET', path);
    const status = normaliseSteadfastStatus(String(field(res.body, 'delivery_status') ?? ''));
    return { courierStatus: status, status: statusOfSteadfast(status) ?? null };
  }

  private raw(
    a: SteadfastAccount,
    method: 'GET' | 'POST',
    path: string,
    json?: unknown,
  ): Promise<CourierResponse> {
    return courierFetch('steadfast', `${this.baseUrl}${PREFIX}/${path}`, {
      method,
      headers: { 'api-key': a.credentials.apiKey, 'secret-key': a.credentials.secretKey },
      json,
      timeoutMs: this.timeoutMs,
    });
  }

  /** A call whose answer must be a success: Steadfast also reports errors as HTTP 200 with `status: 400` inside. */
  private async call(
    a: SteadfastAccount,
    method: 'GET' | 'POST',
    path: string,
    json?: unknown,
  ): Promise<CourierResponse> {
    const res = await this.raw(a, method, path, json);
    if (res.status === 401) throw courierAuthFailed('steadfast');
    const inner = field(res.body, 'status');
    const failed = res.status >= 400 || (typeof inner === 'number' && inner >= 400);
    if (!failed) return res;
    const errors = field(res.body, 'errors');
    throw courierRejected(
      'steadfast',
      String(field(res.body, 'message') ?? `HTTP ${res.status}`),
      typeof errors === 'object' && errors !== null ? (errors as Record<string, unknown>) : {},
    );
  }
}
