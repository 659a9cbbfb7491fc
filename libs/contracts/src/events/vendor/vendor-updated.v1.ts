import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { VendorSellingStateSchema } from './vendor-fields.js';

/**
 * The vendor's profile, store settings or tier changed; `changed` names the fields
 * (`holidayMode`, `storeName`, `tier`, …). Holiday mode on makes `canSell` false. Aggregate `vendor`.
 */
export const VendorUpdatedV1 = defineEvent(
  'vendor.updated.v1',
  VendorSellingStateSchema.extend({
    changed: z.array(z.string()).min(1),
    holidayMessage: z.string().nullable(),
    defaultWarehouseId: z.string().uuid().nullable(),
    handlingTimeDays: z.number().int().nonnegative(),
  }),
);
