import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { InventoryAllocatedLineSchema } from './inventory-fields.js';

/**
 * The order was paid: its reserved units left stock for good (on hand and reserved both went
 * down). Fulfilment ships from the warehouses in `lines[].allocations`.
 */
export const ReservationCommittedV1 = defineEvent(
  'inventory.reservation-committed.v1',
  z.object({
    orderId: z.string().uuid(),
    reservationId: z.string().uuid(),
    lines: z.array(InventoryAllocatedLineSchema).min(1),
  }),
);
