import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { ShipmentEventBaseSchema } from './shipping-fields.js';

/** The parcel reached the customer (`partial` when the customer kept only part of it). Emitted once. */
export const ShipmentDeliveredV1 = defineEvent(
  'shipping.delivered.v1',
  ShipmentEventBaseSchema.extend({
    partial: z.boolean(),
    deliveredAt: z.string().datetime({ offset: true }),
  }),
);
