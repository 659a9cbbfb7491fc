import type { ShipmentStatus } from '@haat/contracts';

export const SHIPMENT_STATUSES = [
  'pending',
  'booked',
  'picked_up',
  'in_transit',
  'out_for_delivery',
  'delivery_failed',
  'delivery_pending_approval',
  'delivered',
  'partially_delivered',
  'returned',
  'cancelled',
  'booking_failed',
] as const satisfies readonly ShipmentStatus[];

/**
 * How far along each status is. A report moves a shipment only to a higher rank, so a late or
 * replayed webhook (in transit after delivered) never moves it back; final statuses never move.
 */
const RANK: Readonly<Record<ShipmentStatus, number>> = {
  pending: 0,
  booked: 10,
  picked_up: 20,
  in_transit: 30,
  out_for_delivery: 40,
  delivery_failed: 45,
  delivery_pending_approval: 60,
  delivered: 90,
  partially_delivered: 90,
  returned: 90,
  cancelled: 90,
  booking_failed: 90,
};

export const FINAL_STATUSES: ReadonlySet<ShipmentStatus> = new Set([
  'delivered',
  'partially_delivered',
  'returned',
  'cancelled',
  'booking_failed',
]);

/** Statuses that mean the parcel will not arrive as booked. */
export const FAILURE_STATUSES: ReadonlySet<ShipmentStatus> = new Set([
  'delivery_failed',
  'returned',
  'cancelled',
  'booking_failed',
]);

/** At or past this rank the courier has the parcel: the sub-order is shipped. */
const SHIPPED_RANK = RANK.picked_up;

/** Whether a report of `next` moves a shipment that is `current`. */
export function canMove(current: ShipmentStatus, next: ShipmentStatus): boolean {
  if (FINAL_STATUSES.has(current)) return false;
  return RANK[next] > RANK[current];
}

/** True when moving from `current` to `next` is the moment the parcel counts as shipped. */
export function crossesShipped(current: ShipmentStatus, next: ShipmentStatus): boolean {
  return (
    RANK[current] < SHIPPED_RANK &&
    RANK[next] >= SHIPPED_RANK &&
    next !== 'cancelled' &&
    next !== 'booking_failed'
  );
}

export function isDelivered(status: ShipmentStatus): boolean {
  return status === 'delivered' || status === 'partially_delivered';
}
