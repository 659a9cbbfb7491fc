import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { InventoryReservationLinesSchema, InventoryShipToSchema } from './inventory-fields.js';

/**
 * Command (the checkout saga, through its outbox): reserve these lines for the order.
 * inventory-service answers with `inventory.stock-reserved.v1` or `inventory.stock-rejected.v1`.
 * Idempotent by `orderId`: a repeat gets the first answer again.
 */
export const ReserveStockRequestedV1 = defineEvent(
  'inventory.reserve-stock-requested.v1',
  z.object({
    orderId: z.string().uuid(),
    lines: InventoryReservationLinesSchema,
    shipTo: InventoryShipToSchema.nullable().optional(),
    /** How long the units stay held without a commit; the service default when absent. */
    ttlSeconds: z.number().int().min(1).max(86_400).optional(),
  }),
);
