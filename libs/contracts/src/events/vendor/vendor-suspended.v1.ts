import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { VendorSellingStateSchema } from './vendor-fields.js';

/** The marketplace suspended an approved vendor: hide its products, stop its sales. Aggregate `vendor`. */
export const VendorSuspendedV1 = defineEvent(
  'vendor.suspended.v1',
  VendorSellingStateSchema.extend({
    ownerUserId: z.string().nullable(),
    reason: z.string(),
    suspendedBy: z.string().nullable(),
  }),
);
