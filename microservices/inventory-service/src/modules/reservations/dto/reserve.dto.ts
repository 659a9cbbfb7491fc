import { IdSchema } from '@haat/common';
import { InventoryReservationLineSchema, InventoryShipToSchema } from '@haat/contracts';
import { z } from 'zod';
import { uniqueSkus } from '../../stock/dto/stock-fields.js';
import type { GeoPoint } from '../geo-distance.js';
import type { StoredLine } from '../reservations.schema.js';

/** `POST /v1/reservations` (and gRPC `Reserve`): hold these lines for the order. */
export const ReserveSchema = z.strictObject({
  orderId: IdSchema,
  lines: z.array(InventoryReservationLineSchema.strict()).min(1).max(200).superRefine(uniqueSkus),
  shipTo: InventoryShipToSchema.strict().nullable().optional(),
  /** How long the units stay held without a commit (seconds); the service default when absent. */
  ttlSeconds: z.number().int().min(1).max(86_400).optional(),
});
export type ReserveInput = z.output<typeof ReserveSchema>;

/** A reservation request as the writer takes it, however it arrived (REST, gRPC, command). */
export interface ReserveRequest {
  orderId: string;
  lines: StoredLine[];
  shipTo: GeoPoint | null;
  ttlSeconds: number;
}

export function toReserveRequest(
  input: {
    orderId: string;
    lines: { sku: string; quantity: number; vendorId?: string | null }[];
    shipTo?: GeoPoint | null;
    ttlSeconds?: number;
  },
  defaultTtlSeconds: number,
): ReserveRequest {
  return {
    orderId: input.orderId,
    lines: input.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, vendorId: l.vendorId ?? null })),
    shipTo: input.shipTo ?? null,
    ttlSeconds: input.ttlSeconds ?? defaultTtlSeconds,
  };
}

/** True when a repeat asks for the same lines as the stored reservation (order of lines aside). */
export function sameLines(a: readonly StoredLine[], b: readonly StoredLine[]): boolean {
  const key = (lines: readonly StoredLine[]) =>
    lines
      .map((l) => `${l.sku}\u0000${l.quantity}\u0000${l.vendorId ?? ''}`)
      .sort()
      .join('\u0001');
  return key(a) === key(b);
}
