import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { VendorSellingStateSchema } from './vendor-fields.js';

/** A reviewer approved the vendor: it may list and sell (unless on holiday). Aggregate `vendor`. */
export const VendorApprovedV1 = defineEvent(
  'vendor.approved.v1',
  VendorSellingStateSchema.extend({
    ownerUserId: z.string().nullable(),
    approvedBy: z.string().nullable(),
    reason: z.string().nullable(),
  }),
);
