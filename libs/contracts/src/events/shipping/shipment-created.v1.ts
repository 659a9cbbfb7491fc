import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { ShipmentEventBaseSchema, ShippingMinorUnitsSchema, ShippingZoneSchema } from './shipping-fields.js';

/**
 * The courier accepted the parcel: it has a consignment and tracking id and a label. One per
 * vendor sub-order of a confirmed order.
 */
export const ShipmentCreatedV1 = defineEvent(
  'shipping.shipment-created.v1',
  ShipmentEventBaseSchema.extend({
    trackingId: z.string().min(1).max(100),
    consignmentId: z.string().min(1).max(100),
    warehouseId: z.string().uuid().nullable(),
    zone: ShippingZoneSchema,
    shippingCostMinor: ShippingMinorUnitsSchema,
    codAmountMinor: ShippingMinorUnitsSchema,
    currency: z.string().regex(/^[A-Z]{3}$/),
    bookedAt: z.string().datetime({ offset: true }),
  }),
);
