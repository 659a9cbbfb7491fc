import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { VendorSellingStateSchema } from './vendor-fields.js';

/** A suspended vendor is approved again: its products may show again. Aggregate `vendor`. */
export const VendorReinstatedV1 = defineEvent(
  'vendor.reinstated.v1',
  VendorSellingStateSchema.extend({
    ownerUserId: z.string().nullable(),
    reason: z.string(),
    reinstatedBy: z.string().nullable(),
  }),
);
