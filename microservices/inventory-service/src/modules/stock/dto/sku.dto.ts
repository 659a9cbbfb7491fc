import { PageQuerySchema, pageSchema, toMoneyJson, type CurrencyCode } from '@haat/common';
import { z } from 'zod';
import type { SkuRow } from '../stock.schema.js';
import { SkuCodeSchema } from './stock-fields.js';
import { StockLevelSchema } from './stock-level.dto.js';

/** A SKU with its totals over all warehouses. */
export const SkuSchema = z.object({
  sku: z.string(),
  vendorId: z.string().uuid().nullable(),
  productId: z.string().uuid().nullable(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  lowStockThreshold: z.number().int().nullable(),
  lowStock: z.boolean(),
  /** Moving average cost of a unit, minor units as a string. */
  unitCost: z.object({ amountMinor: z.string(), currency: z.string() }).nullable(),
});
export type SkuView = z.infer<typeof SkuSchema>;
export const SkuPageSchema = pageSchema(SkuSchema);
export const SkuDetailSchema = SkuSchema.extend({
  warehouses: z.array(
    StockLevelSchema.extend({ vendorId: z.string().uuid().nullable(), warehouseActive: z.boolean() }),
  ),
});

export const SkuParamsSchema = z.strictObject({ sku: SkuCodeSchema });

/** `GET /v1/skus?lowStock=&vendorId=&limit=&cursor=`. */
export const ListSkusQuerySchema = PageQuerySchema.extend({
  lowStock: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  vendorId: z.string().uuid().optional(),
}).strict();
export type ListSkusQuery = z.output<typeof ListSkusQuerySchema>;

export function toSkuView(row: SkuRow): SkuView {
  return {
    sku: row.sku,
    vendorId: row.vendorId,
    productId: row.productId,
    onHand: row.onHand,
    reserved: row.reserved,
    available: row.onHand - row.reserved,
    lowStockThreshold: row.lowStockThreshold,
    lowStock: row.lowStock,
    unitCost:
      row.unitCostMinor !== null && row.costCurrency !== null
        ? toMoneyJson({ amountMinor: row.unitCostMinor, currency: row.costCurrency as CurrencyCode })
        : null,
  };
}
