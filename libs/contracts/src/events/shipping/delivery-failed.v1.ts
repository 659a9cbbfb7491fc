import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { ShipmentEventBaseSchema, ShipmentStatusSchema } from './shipping-fields.js';

/**
 * The parcel will not reach the customer as booked: the courier refused the booking, the
 * delivery failed, the parcel is returned or cancelled. `status` says which.
 */
export const ShipmentDeliveryFailedV1 = defineEvent(
  'shipping.delivery-failed.v1',
  ShipmentEventBaseSchema.extend({
    status: ShipmentStatusSchema,
    /** The courier's words, when it gave any. */
    reason: z.string().max(500).nullable(),
    failedAt: z.string().datetime({ offset: true }),
  }),
);
