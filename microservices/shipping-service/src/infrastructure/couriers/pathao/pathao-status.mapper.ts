import type { ShipmentStatus } from '@haat/contracts';

/**
 * Pathao's webhook event slugs (shared/gateways/pathao.md §4.2) → shipment status; null leaves
 * the status as it is (the event is kept on the timeline): updates, pickup attempts, hold,
 * invoices after delivery.
 */
const BY_EVENT: Readonly<Record<string, ShipmentStatus | null>> = {
  'order.created': 'booked',
  'order.updated': null,
  'order.pickup-requested': 'booked',
  'order.assigned-for-pickup': 'booked',
  'order.picked': 'picked_up',
  'order.pickup-failed': null,
  'order.pickup-cancelled': 'cancelled',
  'order.at-the-sorting-hub': 'in_transit',
  'order.in-transit': 'in_transit',
  'order.received-at-last-mile-hub': 'in_transit',
  'order.assigned-for-delivery': 'out_for_delivery',
  'order.delivered': 'delivered',
  'order.partial-delivery': 'partially_delivered',
  'order.returned': 'returned',
  'order.delivery-failed': 'delivery_failed',
  'order.on-hold': null,
  'order.paid': null,
  'order.paid-return': 'returned',
  'order.exchanged': null,
  'order.return-id-created': 'returned',
  'order.return-in-transit': 'returned',
  'order.returned-to-merchant': 'returned',
};

/** Display names `orders/{id}/info` answers (`order_status`) → event slug. */
const BY_NAME: Readonly<Record<string, string>> = {
  pending: 'order.created',
  'order created': 'order.created',
  'order updated': 'order.updated',
  'pickup requested': 'order.pickup-requested',
  'assigned for pickup': 'order.assigned-for-pickup',
  pickup: 'order.picked',
  picked: 'order.picked',
  'pickup failed': 'order.pickup-failed',
  'pickup cancelled': 'order.pickup-cancelled',
  'at the sorting hub': 'order.at-the-sorting-hub',
  'in transit': 'order.in-transit',
  'received at last mile hub': 'order.received-at-last-mile-hub',
  'assigned for delivery': 'order.assigned-for-delivery',
  delivered: 'order.delivered',
  'partial delivery': 'order.partial-delivery',
  return: 'order.returned',
  'delivery failed': 'order.delivery-failed',
  'on hold': 'order.on-hold',
  'payment invoice': 'order.paid',
  'paid return': 'order.paid-return',
  exchange: 'order.exchanged',
};

/** The shipment status a Pathao event slug means (`undefined` for an event we do not know). */
export function statusOfPathaoEvent(event: string): ShipmentStatus | null | undefined {
  return Object.hasOwn(BY_EVENT, event) ? BY_EVENT[event] : undefined;
}

/** The event slug of a display name (`In Transit`) or slug-ish value (`in_transit`). */
export function pathaoEventOfName(name: string): string | undefined {
  const key = name.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
  if (Object.hasOwn(BY_NAME, key)) return BY_NAME[key];
  const slug = `order.${key.replace(/ /g, '-')}`;
  return Object.hasOwn(BY_EVENT, slug) ? slug : undefined;
}
