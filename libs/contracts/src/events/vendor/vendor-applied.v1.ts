import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { VendorSellingStateSchema } from './vendor-fields.js';

/** Someone applied to sell in the marketplace (status `applied`, cannot sell). Aggregate `vendor`. */
export const VendorAppliedV1 = defineEvent(
  'vendor.applied.v1',
  VendorSellingStateSchema.extend({
    /** The account that applied and acts as the vendor's owner; null when the platform created it. */
    ownerUserId: z.string().nullable(),
    legalName: z.string(),
  }),
);
