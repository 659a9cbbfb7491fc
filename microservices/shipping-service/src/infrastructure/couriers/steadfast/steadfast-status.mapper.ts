import type { ShipmentStatus } from '@haat/contracts';

/**
 * Steadfast's `delivery_status` values (shared/gateways/steadfast.md §2.2) → shipment status;
 * null keeps the status. `*_approval_pending` are not final: they may still flip (a
 * `delivered_approval_pending` can end `cancelled`). There is no picked-up status: `pending`
 * (accepted, on its way) is the first sign of movement.
 */
const BY_STATUS: Readonly<Record<string, ShipmentStatus | null>> = {
  in_review: 'booked',
  pending: 'in_transit',
  hold: null,
  delivered_approval_pending: 'delivery_pending_approval',
  partial_delivered_approval_pending: 'delivery_pending_approval',
  cancelled_approval_pending: 'delivery_pending_approval',
  unknown_approval_pending: 'delivery_pending_approval',
  delivered: 'delivered',
  partial_delivered: 'partially_delivered',
  cancelled: 'cancelled',
  unknown: null,
};

/** `Delivered`, `partial-delivered`, ` delivered ` → `delivered`, `partial_delivered`. */
export function normaliseSteadfastStatus(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The shipment status a Steadfast delivery status means (`undefined` for one we do not know). */
export function statusOfSteadfast(value: string): ShipmentStatus | null | undefined {
  const key = normaliseSteadfastStatus(value);
  return Object.hasOwn(BY_STATUS, key) ? BY_STATUS[key] : undefined;
}
