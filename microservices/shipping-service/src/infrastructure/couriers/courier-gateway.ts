import type { Courier, ShipmentStatus } from '@haat/contracts';
import type { CourierAccount } from './courier-account.js';

/** A parcel to book: one shipment. */
export interface CourierParcel {
  /** Our shipment id: Pathao `merchant_order_id`, Steadfast `invoice`; echoed in webhooks. */
  reference: string;
  recipient: { name: string; phone: string; address: string; district: string; area: string | null };
  /** Cash to collect, BDT minor units (0 when prepaid). */
  codAmountMinor: bigint;
  weightGrams: number;
  itemCount: number;
  description: string;
  warehouseId: string | null;
  note?: string;
}

/** The courier's answer to a booking. */
export interface BookedParcel {
  consignmentId: string;
  /** What the courier's riders and site track by; the label's barcode. */
  trackingId: string;
  courierStatus: string;
  deliveryFeeMinor: bigint | null;
}

/** A status the courier reports, with what it means for the shipment (null: no change, e.g. on hold). */
export interface CourierStatusReport {
  courierStatus: string;
  status: ShipmentStatus | null;
}

export interface CourierRateQuery {
  weightGrams: number;
  district: string;
  area: string | null;
  codAmountMinor: bigint;
  warehouseId: string | null;
}

/** The courier's own price for a parcel, BDT minor units. */
export interface CourierRate {
  deliveryFeeMinor: bigint;
  codFeeMinor: bigint;
}

/** A webhook that passed verification. */
export type VerifiedWebhook =
  | { kind: 'handshake' }
  /** Authentic but about no parcel (Pathao `store.*` events): acknowledged, nothing changes. */
  | { kind: 'ignored'; event: string }
  | {
      kind: 'update';
      consignmentId: string | null;
      /** Our reference when the courier echoes it (Pathao `merchant_order_id`, Steadfast `invoice`). */
      reference: string | null;
      courierStatus: string;
      status: ShipmentStatus | null;
      /** Same key for the same provider event: consignment + status/event + time. */
      dedupeKey: string;
      occurredAt: Date | null;
      message: string | null;
      /** Cash the courier says it collected, minor units, when it says. */
      collectedAmountMinor: bigint | null;
    };

/** What the webhook endpoint answers the courier. */
export interface WebhookReply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface InboundWebhook {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

/** One courier behind the platform's single interface. */
export interface CourierGateway {
  readonly courier: Courier;
  /** Books the parcel. Throws `CourierRejectedError` (will not work as sent) or `CourierUnavailableError` (try later). */
  book(account: CourierAccount, parcel: CourierParcel): Promise<BookedParcel>;
  /** True when a parcel with this reference exists at the courier (to reconcile after a lost answer). */
  exists(account: CourierAccount, reference: string): Promise<boolean | null>;
  /** The current status of a consignment. */
  status(account: CourierAccount, consignmentId: string): Promise<CourierStatusReport>;
  /** The courier's own price plan for the parcel, or null when it has none or cannot place the address. */
  rate(account: CourierAccount, query: CourierRateQuery): Promise<CourierRate | null>;
  /** Checks the webhook's authentication before anything else; throws `webhookSignatureInvalid`. */
  verifyWebhook(account: CourierAccount, webhook: InboundWebhook): VerifiedWebhook;
  /** The answer the courier expects for an accepted webhook. */
  acceptedReply(verified: VerifiedWebhook, duplicate: boolean): WebhookReply;
}
