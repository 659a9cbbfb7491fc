import { z } from 'zod';
import { ReasonSchema, TierSchema } from './vendor-fields.dto.js';

/** `POST /v1/vendors/:id/approve`. */
export const ApproveVendorSchema = z.strictObject({ reason: ReasonSchema.optional() });
/** `POST /v1/vendors/:id/reject`: every reason is shown to the vendor. */
export const RejectVendorSchema = z.strictObject({ reasons: z.array(ReasonSchema).min(1).max(20) });
/** `POST /v1/vendors/:id/suspend` and `/reinstate`. */
export const ReasonedDecisionSchema = z.strictObject({ reason: ReasonSchema });
/** `PUT /v1/vendors/:id/tier`. */
export const SetTierSchema = z.strictObject({ tier: TierSchema, reason: ReasonSchema.optional() });
