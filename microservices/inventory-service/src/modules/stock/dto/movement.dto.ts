import { IdSchema, PageQuerySchema, pageSchema } from '@haat/common';
import { z } from 'zod';
import { MOVEMENT_TYPES, type StockMovementRow } from '../stock.schema.js';

/** One change of a stock level, with the level after it. */
export const MovementSchema = z.object({
  id: z.string().uuid(),
  sku: z.string(),
  warehouseId: z.string().uuid(),
  type: z.enum(MOVEMENT_TYPES),
  onHandDelta: z.number().int(),
  reservedDelta: z.number().int(),
  onHandAfter: z.number().int(),
  reservedAfter: z.number().int(),
  availableAfter: z.number().int(),
  reason: z.string().nullable(),
  actor: z.string(),
  reference: z.object({ type: z.string(), id: z.string() }).nullable(),
  counterpartWarehouseId: z.string().uuid().nullable(),
  createdAt: z.string().datetime(),
});
export type Movement = z.infer<typeof MovementSchema>;
export const MovementPageSchema = pageSchema(MovementSchema);

/** `GET /v1/skus/:sku/movements?warehouseId=&type=&from=&to=&limit=&cursor=`, newest first. */
export const ListMovementsQuerySchema = PageQuerySchema.extend({
  warehouseId: IdSchema.optional(),
  type: z.enum(MOVEMENT_TYPES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
}).strict();
export type ListMovementsQuery = z.output<typeof ListMovementsQuerySchema>;

export function toMovement(row: StockMovementRow): Movement {
  return {
    id: row.id,
    sku: row.sku,
    warehouseId: row.warehouseId,
    type: row.type,
    onHandDelta: row.onHandDelta,
    reservedDelta: row.reservedDelta,
    onHandAfter: row.onHandAfter,
    reservedAfter: row.reservedAfter,
    availableAfter: row.onHandAfter - row.reservedAfter,
    reason: row.reason,
    actor: row.actor,
    reference: row.referenceType && row.referenceId ? { type: row.referenceType, id: row.referenceId } : null,
    counterpartWarehouseId: row.counterpartWarehouseId,
    createdAt: row.createdAt.toISOString(),
  };
}
