import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { InventoryAllocatedLineSchema } from './inventory-fields.js';

/**
 * Stock is held for an order until `expiresAt`: the checkout saga's "reserve stock" step
 * succeeded. Aggregate `reservation`, id the reservation id.
 */
export const StockReservedV1 = defineEvent(
  'inventory.stock-reserved.v1',
  z.object({
    orderId: z.string().uuid(),
    reservationId: z.string().uuid(),
    expiresAt: z.string().datetime({ offset: true }),
    lines: z.array(InventoryAllocatedLineSchema).min(1),
  }),
);
