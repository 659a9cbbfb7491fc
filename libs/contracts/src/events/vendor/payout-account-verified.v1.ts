import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { VendorPayoutMethodSchema } from './vendor-fields.js';

/** The vendor's payout destination was verified: settlement may pay to it. Aggregate `vendor`. */
export const VendorPayoutAccountVerifiedV1 = defineEvent(
  'vendor.payout-account-verified.v1',
  z.object({
    vendorId: z.string().uuid(),
    method: VendorPayoutMethodSchema,
    maskedDestination: z.string(),
    verifiedBy: z.string().nullable(),
  }),
);
