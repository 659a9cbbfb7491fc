import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { VendorSellingStateSchema } from './vendor-fields.js';

/** A reviewer rejected the application with reasons: hide anything of the vendor. Aggregate `vendor`. */
export const VendorRejectedV1 = defineEvent(
  'vendor.rejected.v1',
  VendorSellingStateSchema.extend({
    ownerUserId: z.string().nullable(),
    reasons: z.array(z.string()).min(1),
    rejectedBy: z.string().nullable(),
  }),
);
