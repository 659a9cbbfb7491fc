import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { ShipmentEventBaseSchema } from './shipping-fields.js';

/**
 * The courier picked the parcel up (or reported a later state first): the sub-order is SHIPPED.
 * Emitted once per shipment.
 */
export const ShipmentShippedV1 = defineEvent(
  'shipping.shipped.v1',
  ShipmentEventBaseSchema.extend({ shippedAt: z.string().datetime({ offset: true }) }),
);
