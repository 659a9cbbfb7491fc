import { InventoryShipToSchema } from '@haat/contracts';
import { z } from 'zod';
import type { Reservation } from '../../modules/reservations/dto/reservation.dto.js';
import type { StockCheckResult } from '../../modules/stock/dto/stock-check.dto.js';

/** proto3 has no null: an empty string stands for "none". */
const emptyAsNull = z.string().transform((v) => (v === '' ? null : v));

/** A decoded `StockLine`: what the REST bodies take, from proto names and defaults. */
const StockLineMessage = z
  .object({ sku: z.string(), quantity: z.number(), vendor_id: emptyAsNull })
  .transform((l) => ({ sku: l.sku, quantity: l.quantity, vendorId: l.vendor_id }));

/** `CheckStockRequest` as decoded, in the shape of the REST body (validated by its schema next). */
export const CheckStockMessage = z.object({ lines: z.array(StockLineMessage) });

/** `ReserveRequest` as decoded, in the shape of the REST body (validated by its schema next). */
export const ReserveMessage = z
  .object({
    order_id: z.string(),
    lines: z.array(StockLineMessage),
    ship_to: InventoryShipToSchema.nullable(),
    ttl_seconds: z.number(),
  })
  .transform((m) => ({
    orderId: m.order_id,
    lines: m.lines,
    ...(m.ship_to ? { shipTo: m.ship_to } : {}),
    ...(m.ttl_seconds === 0 ? {} : { ttlSeconds: m.ttl_seconds }),
  }));

/** `haat.inventory.v1.CheckStockResponse`. */
export function toCheckStockResponse(result: StockCheckResult) {
  return { all_available: result.allAvailable, lines: result.lines };
}

/** `haat.inventory.v1.ReserveResponse`. */
export function toReserveResponse(r: Reservation, replayed: boolean) {
  return {
    reservation_id: r.id,
    order_id: r.orderId,
    status: r.status,
    expires_at: r.expiresAt,
    lines: r.lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      allocations: l.allocations.map((a) => ({
        warehouse_id: a.warehouseId,
        vendor_id: a.vendorId ?? '',
        quantity: a.quantity,
      })),
    })),
    replayed,
  };
}
