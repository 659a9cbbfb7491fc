import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { InventorySkuSchema } from './inventory-fields.js';

/** The kinds of stock movement. */
export const StockMovementTypeSchema = z.enum([
  'receipt',
  'adjustment',
  'reservation',
  'commit',
  'release',
  'return',
  'transfer',
]);

/**
 * A SKU's units on hand changed, or it went in or out of stock (available crossed zero). For
 * search (in-stock filter) and wishlists (back in stock: `inStock` and not `wasInStock`).
 * Totals are over all warehouses. Aggregate `sku`, id the SKU code.
 */
export const StockChangedV1 = defineEvent(
  'inventory.stock-changed.v1',
  z.object({
    sku: InventorySkuSchema,
    vendorId: z.string().uuid().nullable(),
    onHand: z.number().int().nonnegative(),
    reserved: z.number().int().nonnegative(),
    available: z.number().int().nonnegative(),
    inStock: z.boolean(),
    wasInStock: z.boolean(),
    /** The movements that caused it, in this transaction. */
    causes: z.array(StockMovementTypeSchema).min(1),
  }),
);
