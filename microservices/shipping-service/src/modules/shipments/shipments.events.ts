import {
  ShipmentCreatedV1,
  ShipmentDeliveredV1,
  ShipmentDeliveryFailedV1,
  ShipmentShippedV1,
  ShippingCodCollectedV1,
  type ShipmentStatus,
} from '@haat/contracts';
import { envelope } from '@haat/messaging';
import type { ShipmentRow } from './shipments.schema.js';

const ctxOf = (row: ShipmentRow) => ({ tenantId: row.tenantId });
const fields = (row: ShipmentRow) => ({
  shipmentId: row.id,
  orderId: row.orderId,
  subOrderId: row.subOrderId,
  vendorId: row.vendorId,
  courier: row.courier,
  trackingId: row.trackingId,
  consignmentId: row.consignmentId,
});
const at = (d: Date) => d.toISOString();

export function shipmentCreated(row: ShipmentRow, bookedAt: Date) {
  return envelope(ShipmentCreatedV1, ctxOf(row), {
    aggregateType: 'shipment',
    aggregateId: row.id,
    payload: {
      ...fields(row),
      trackingId: row.trackingId ?? '',
      consignmentId: row.consignmentId ?? '',
      warehouseId: row.warehouseId,
      zone: row.zone,
      shippingCostMinor: row.shippingCostMinor.toString(),
      codAmountMinor: row.codAmountMinor.toString(),
      currency: row.currency,
      bookedAt: at(bookedAt),
    },
  });
}

export function shipmentShipped(row: ShipmentRow, shippedAt: Date) {
  return envelope(ShipmentShippedV1, ctxOf(row), {
    aggregateType: 'shipment',
    aggregateId: row.id,
    payload: { ...fields(row), shippedAt: at(shippedAt) },
  });
}

export function shipmentDelivered(row: ShipmentRow, deliveredAt: Date) {
  return envelope(ShipmentDeliveredV1, ctxOf(row), {
    aggregateType: 'shipment',
    aggregateId: row.id,
    payload: { ...fields(row), partial: row.status === 'partially_delivered', deliveredAt: at(deliveredAt) },
  });
}

export function codCollected(row: ShipmentRow, amountMinor: bigint, collectedAt: Date) {
  return envelope(ShippingCodCollectedV1, ctxOf(row), {
    aggregateType: 'shipment',
    aggregateId: row.id,
    payload: {
      orderId: row.orderId,
      shipmentId: row.id,
      amountMinor: amountMinor.toString(),
      currency: row.currency,
      courier: row.courier,
      collectedAt: at(collectedAt),
    },
  });
}

export function deliveryFailed(
  row: ShipmentRow,
  status: ShipmentStatus,
  reason: string | null,
  failedAt: Date,
) {
  return envelope(ShipmentDeliveryFailedV1, ctxOf(row), {
    aggregateType: 'shipment',
    aggregateId: row.id,
    payload: { ...fields(row), status, reason: reason?.slice(0, 500) ?? null, failedAt: at(failedAt) },
  });
}
