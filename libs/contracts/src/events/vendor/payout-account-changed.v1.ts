import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { VendorPayoutMethodSchema } from './vendor-fields.js';

/**
 * A vendor's payout destination changed and waits for re-verification: hold its payouts until
 * `vendor.payout-account-verified.v1`. Carries only the masked destination. Aggregate `vendor`.
 */
export const VendorPayoutAccountChangedV1 = defineEvent(
  'vendor.payout-account-changed.v1',
  z.object({
    vendorId: z.string().uuid(),
    method: VendorPayoutMethodSchema,
    /** `•••• 4321` (bank) or `017•••••321` (wallet). */
    maskedDestination: z.string(),
    status: z.literal('pending_verification'),
    schedule: z.enum(['weekly', 'biweekly', 'monthly']),
    minimumPayout: z.object({ amountMinor: z.string(), currency: z.string().length(3) }),
    changedBy: z.string().nullable(),
  }),
);
