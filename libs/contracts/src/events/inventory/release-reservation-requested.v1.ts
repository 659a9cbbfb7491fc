import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * Command (the checkout saga's compensation, or an order cancellation): give the order's
 * reserved units back. Answered by `inventory.reservation-released.v1`. Idempotent; a release
 * that arrives before the reservation leaves a tombstone so a late reserve holds nothing.
 */
export const ReleaseReservationRequestedV1 = defineEvent(
  'inventory.release-reservation-requested.v1',
  z.object({ orderId: z.string().uuid(), reason: z.string().min(1).max(500).optional() }),
);
