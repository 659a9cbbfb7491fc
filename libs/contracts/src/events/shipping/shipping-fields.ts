import { z } from 'zod';

/** The couriers the platform books parcels with. */
export const CourierSchema = z.enum(['pathao', 'steadfast']);
export type Courier = z.infer<typeof CourierSchema>;

/** Shipping zones rates are set by. */
export const ShippingZoneSchema = z.enum(['inside_dhaka', 'dhaka_suburbs', 'outside_dhaka', 'international']);
export type ShippingZone = z.infer<typeof ShippingZoneSchema>;

/** A shipment's place in its lifecycle; it only ever moves forward. */
export const ShipmentStatusSchema = z.enum([
  'pending',
  'booked',
  'picked_up',
  'in_transit',
  'out_for_delivery',
  'delivery_pending_approval',
  'delivery_failed',
  'delivered',
  'partially_delivered',
  'returned',
  'cancelled',
  'booking_failed',
]);
export type ShipmentStatus = z.infer<typeof ShipmentStatusSchema>;

/** An amount in integer minor units, as a decimal string (bigint-safe in JSON). */
export const ShippingMinorUnitsSchema = z
  .string()
  .regex(/^\d{1,18}$/, 'must be integer minor units as a string');

/** Fields every shipment event carries. Aggregate `shipment`, id the shipment id. */
export const ShipmentEventBaseSchema = z.object({
  shipmentId: z.string().uuid(),
  orderId: z.string().uuid(),
  subOrderId: z.string().uuid(),
  vendorId: z.string().uuid(),
  courier: CourierSchema,
  /** The courier's tracking id (Steadfast `tracking_code`, Pathao `consignment_id`); on the label's barcode. */
  trackingId: z.string().max(100).nullable(),
  consignmentId: z.string().max(100).nullable(),
});
