/** A merchant account of the fake: API client, panel login and webhook settings. */
export interface PathaoMerchant {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  stores: PathaoStore[];
  webhook?: { url: string; secret: string; accepted: boolean };
}

export interface PathaoStore {
  store_id: number;
  store_name: string;
  store_address: string;
  is_active: 0 | 1;
  city_id: number;
  zone_id: number;
  hub_id: number;
  is_default_store: boolean;
  is_default_return_store: boolean;
}

/** One consignment as the fake keeps it. */
export interface PathaoOrder {
  consignment_id: string;
  merchant_order_id: string | null;
  clientId: string;
  store_id: number;
  recipient_name: string;
  recipient_phone: string;
  recipient_address: string;
  amount_to_collect: number;
  item_weight: number;
  delivery_fee: number;
  /** Webhook slug of the current status (`order.created`, …). */
  event: string;
  invoice_id: string | null;
  updated_at: string;
  /** Index into the happy path the auto-advance walks. */
  step: number;
}

/** Webhook slug → the display name `orders/{id}/info` shows (`order_status`). */
export const PATHAO_STATUS_NAMES: Readonly<Record<string, string>> = {
  'order.created': 'Pending',
  'order.updated': 'Order Updated',
  'order.pickup-requested': 'Pickup Requested',
  'order.assigned-for-pickup': 'Assigned for Pickup',
  'order.picked': 'Pickup',
  'order.pickup-failed': 'Pickup Failed',
  'order.pickup-cancelled': 'Pickup Cancelled',
  'order.at-the-sorting-hub': 'At the Sorting HUB',
  'order.in-transit': 'In Transit',
  'order.received-at-last-mile-hub': 'Received at Last Mile HUB',
  'order.assigned-for-delivery': 'Assigned for Delivery',
  'order.delivered': 'Delivered',
  'order.partial-delivery': 'Partial Delivery',
  'order.returned': 'Return',
  'order.delivery-failed': 'Delivery Failed',
  'order.on-hold': 'On Hold',
  'order.paid': 'Payment Invoice',
  'order.paid-return': 'Paid Return',
  'order.exchanged': 'Exchange',
  'order.return-id-created': 'Return ID Created',
  'order.return-in-transit': 'Return In Transit',
  'order.returned-to-merchant': 'Returned To Merchant',
};

/** The events a parcel normally goes through after creation, in order. */
export const PATHAO_HAPPY_PATH = [
  'order.pickup-requested',
  'order.assigned-for-pickup',
  'order.picked',
  'order.at-the-sorting-hub',
  'order.in-transit',
  'order.received-at-last-mile-hub',
  'order.assigned-for-delivery',
  'order.delivered',
] as const;

/** `X-Pathao-Merchant-Webhook-Integration-Secret`: the fixed value Pathao expects back. */
export const PATHAO_INTEGRATION_SECRET = 'f3992ecc-59da-4cbe-a049-a13da2018d51';

/** Pathao's timestamp format in payloads: `YYYY-MM-DD HH:MM:SS`. */
export function pathaoTime(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}
