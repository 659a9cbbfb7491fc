import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { InventorySkuSchema } from './inventory-fields.js';

/**
 * A SKU's available units (all warehouses) fell to or below its low-stock threshold. Emitted
 * once when the threshold is crossed, not on every change below it; it can fire again after
 * stock rose above the threshold. Aggregate `sku`, id the SKU code.
 */
export const LowStockV1 = defineEvent(
  'inventory.low-stock.v1',
  z.object({
    sku: InventorySkuSchema,
    vendorId: z.string().uuid().nullable(),
    threshold: z.number().int().nonnegative(),
    available: z.number().int().nonnegative(),
    onHand: z.number().int().nonnegative(),
  }),
);
