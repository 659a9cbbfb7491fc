import { IdSchema } from '@haat/common';
import { InventoryShipToSchema, StockRejectionReasonSchema } from '@haat/contracts';
import { z } from 'zod';
import { RESERVATION_STATUSES } from '../reservation.machine.js';
import type { ReservationAllocationRow, ReservationRow } from '../reservations.schema.js';

export const ReservationAllocationSchema = z.object({
  warehouseId: z.string().uuid(),
  vendorId: z.string().uuid().nullable(),
  quantity: z.number().int(),
});

/** An order's reservation: what it asked for, where the units came from, and what became of it. */
export const ReservationSchema = z.object({
  id: z.string().uuid(),
  orderId: z.string().uuid(),
  status: z.enum(RESERVATION_STATUSES),
  expiresAt: z.string().datetime(),
  lines: z.array(
    z.object({
      sku: z.string(),
      quantity: z.number().int(),
      vendorId: z.string().uuid().nullable(),
      allocations: z.array(ReservationAllocationSchema),
    }),
  ),
  shipTo: InventoryShipToSchema.nullable(),
  rejection: z
    .object({
      reason: StockRejectionReasonSchema,
      shortages: z.array(
        z.object({ sku: z.string(), requested: z.number().int(), available: z.number().int() }),
      ),
    })
    .nullable(),
  releaseReason: z.string().nullable(),
  createdAt: z.string().datetime(),
  committedAt: z.string().datetime().nullable(),
  releasedAt: z.string().datetime().nullable(),
});
export type Reservation = z.infer<typeof ReservationSchema>;

export const OrderIdParamsSchema = z.strictObject({ orderId: IdSchema });

type Allocation = Pick<ReservationAllocationRow, 'sku' | 'warehouseId' | 'vendorId' | 'quantity'>;

export function toReservation(row: ReservationRow, allocations: readonly Allocation[]): Reservation {
  return {
    id: row.id,
    orderId: row.orderId,
    status: row.status,
    expiresAt: row.expiresAt.toISOString(),
    lines: row.lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      vendorId: line.vendorId,
      allocations: allocations
        .filter((a) => a.sku === line.sku)
        .map((a) => ({ warehouseId: a.warehouseId, vendorId: a.vendorId, quantity: a.quantity }))
        .sort((a, b) => (a.warehouseId < b.warehouseId ? -1 : 1)),
    })),
    shipTo: row.shipTo,
    rejection: row.rejection,
    releaseReason: row.releaseReason,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
    releasedAt: row.releasedAt?.toISOString() ?? null,
  };
}

/** The allocated lines of a reservation, as the saga events carry them. */
export function allocatedLines(r: Reservation) {
  return r.lines
    .filter((l) => l.allocations.length > 0)
    .map((l) => ({ sku: l.sku, quantity: l.quantity, allocations: l.allocations }));
}
