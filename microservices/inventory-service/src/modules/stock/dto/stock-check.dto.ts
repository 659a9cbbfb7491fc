import { InventoryReservationLineSchema } from '@haat/contracts';
import { z } from 'zod';
import { uniqueSkus } from './stock-fields.js';

/** `POST /v1/stock/check` (and gRPC `CheckStock`): can these lines be reserved right now? */
export const StockCheckSchema = z.strictObject({
  lines: z.array(InventoryReservationLineSchema.strict()).min(1).max(200).superRefine(uniqueSkus),
});
export type StockCheckInput = z.output<typeof StockCheckSchema>;

export const StockCheckResultSchema = z.object({
  allAvailable: z.boolean(),
  lines: z.array(
    z.object({
      sku: z.string(),
      requested: z.number().int(),
      /** Free units in the active warehouses that may serve the line. */
      available: z.number().int(),
      sufficient: z.boolean(),
      /** False when the SKU was never stocked (then available is 0). */
      known: z.boolean(),
    }),
  ),
});
export type StockCheckResult = z.infer<typeof StockCheckResultSchema>;
