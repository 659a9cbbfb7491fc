import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { InventorySkuSchema } from './inventory-fields.js';

/** Why stock could not be reserved for an order. */
export const StockRejectionReasonSchema = z.enum(['insufficient-stock', 'unknown-sku']);

/**
 * Nothing was reserved for the order: the saga's "reserve stock" step failed. `shortages` names
 * each line that could not be filled and how much was available. A retry with the same order id
 * gets the same answer.
 */
export const StockRejectedV1 = defineEvent(
  'inventory.stock-rejected.v1',
  z.object({
    orderId: z.string().uuid(),
    reservationId: z.string().uuid(),
    reason: StockRejectionReasonSchema,
    shortages: z.array(
      z.object({
        sku: InventorySkuSchema,
        requested: z.number().int().positive(),
        available: z.number().int().nonnegative(),
      }),
    ),
  }),
);
