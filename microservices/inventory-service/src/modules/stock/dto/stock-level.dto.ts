import { IdSchema, PageQuerySchema, pageSchema } from '@haat/common';
import { z } from 'zod';
import type { LevelWithWarehouse } from '../stock-level.repository.js';
import { SkuCodeSchema } from './stock-fields.js';

/** Units of one SKU in one warehouse. */
export const StockLevelSchema = z.object({
  warehouseId: z.string().uuid(),
  sku: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
});
export type StockLevel = z.infer<typeof StockLevelSchema>;
export const StockLevelPageSchema = pageSchema(
  StockLevelSchema.extend({ vendorId: z.string().uuid().nullable(), warehouseActive: z.boolean() }),
);

/** What a receipt, adjustment, transfer or return left behind. */
export const StockOperationResultSchema = z.object({ levels: z.array(StockLevelSchema) });
export type StockOperationResult = z.infer<typeof StockOperationResultSchema>;

export function toStockLevel(
  warehouseId: string,
  sku: string,
  level: { onHand: number; reserved: number },
): StockLevel {
  return {
    warehouseId,
    sku,
    onHand: level.onHand,
    reserved: level.reserved,
    available: level.onHand - level.reserved,
  };
}

export function toListedLevel(row: LevelWithWarehouse) {
  return {
    ...toStockLevel(row.warehouseId, row.sku, row),
    vendorId: row.vendorId,
    warehouseActive: row.active,
  };
}

/** `GET /v1/stock?sku=&warehouseId=&limit=&cursor=`. */
export const ListStockQuerySchema = PageQuerySchema.extend({
  sku: SkuCodeSchema.optional(),
  warehouseId: IdSchema.optional(),
}).strict();
export type ListStockQuery = z.output<typeof ListStockQuerySchema>;
