import { PageQuerySchema } from '@haat/common';
import { CourierSchema, ShipmentStatusSchema, ShippingZoneSchema } from '@haat/contracts';
import { z } from 'zod';
import type { ShipmentEventRow, ShipmentRow } from '../shipments.schema.js';

export const ListShipmentsQuerySchema = PageQuerySchema.extend({
  orderId: z.string().uuid().optional(),
  status: ShipmentStatusSchema.optional(),
}).strict();
export type ListShipmentsQuery = z.output<typeof ListShipmentsQuerySchema>;

export const ShipmentIdParamsSchema = z.strictObject({ id: z.string().uuid() });

export const ShipmentViewSchema = z.object({
  id: z.string().uuid(),
  orderId: z.string().uuid(),
  subOrderId: z.string().uuid(),
  vendorId: z.string().uuid(),
  courier: CourierSchema,
  status: ShipmentStatusSchema,
  courierStatus: z.string().nullable(),
  zone: ShippingZoneSchema,
  warehouseId: z.string().uuid().nullable(),
  trackingId: z.string().nullable(),
  consignmentId: z.string().nullable(),
  weightGrams: z.number().int(),
  currency: z.string(),
  codAmountMinor: z.string(),
  codCollectedMinor: z.string().nullable(),
  shippingCostMinor: z.string(),
  bookingError: z.string().nullable(),
  labelUrl: z.string().nullable(),
  bookedAt: z.string().datetime().nullable(),
  shippedAt: z.string().datetime().nullable(),
  deliveredAt: z.string().datetime().nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type ShipmentView = z.infer<typeof ShipmentViewSchema>;

export const TrackingEventViewSchema = z.object({
  source: z.string(),
  courierStatus: z.string(),
  status: ShipmentStatusSchema.nullable(),
  applied: z.enum(['moved', 'kept', 'stale']),
  message: z.string().nullable(),
  occurredAt: z.string().datetime().nullable(),
  receivedAt: z.string().datetime(),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toShipmentView(row: ShipmentRow): ShipmentView {
  return {
    id: row.id,
    orderId: row.orderId,
    subOrderId: row.subOrderId,
    vendorId: row.vendorId,
    courier: row.courier,
    status: row.status,
    courierStatus: row.courierStatus,
    zone: row.zone,
    warehouseId: row.warehouseId,
    trackingId: row.trackingId,
    consignmentId: row.consignmentId,
    weightGrams: row.weightGrams,
    currency: row.currency,
    codAmountMinor: row.codAmountMinor.toString(),
    codCollectedMinor: row.codCollectedMinor?.toString() ?? null,
    shippingCostMinor: row.shippingCostMinor.toString(),
    bookingError: row.bookingError,
    labelUrl: row.labelPath ? `/v1/shipments/${row.id}/label` : null,
    bookedAt: iso(row.bookedAt),
    shippedAt: iso(row.shippedAt),
    deliveredAt: iso(row.deliveredAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toTrackingEventView(row: ShipmentEventRow) {
  return {
    source: row.source,
    courierStatus: row.courierStatus,
    status: row.status,
    applied: row.applied,
    message: row.message,
    occurredAt: iso(row.occurredAt),
    receivedAt: row.receivedAt.toISOString(),
  };
}
