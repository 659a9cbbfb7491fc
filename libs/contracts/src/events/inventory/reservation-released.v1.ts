import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { InventoryAllocatedLineSchema } from './inventory-fields.js';

/**
 * The units held for an order are available again: the order was cancelled (`cancelled`, the
 * saga's compensation) or the reservation outlived its TTL (`expired`). `lines` is empty when
 * the order was cancelled before anything was reserved.
 */
export const ReservationReleasedV1 = defineEvent(
  'inventory.reservation-released.v1',
  z.object({
    orderId: z.string().uuid(),
    reservationId: z.string().uuid(),
    reason: z.enum(['cancelled', 'expired']),
    lines: z.array(InventoryAllocatedLineSchema),
  }),
);
