import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { VendorSellingStateSchema } from './vendor-fields.js';

/**
 * A vendor submitted (or resubmitted) its documents and the compliance checks ran: status
 * `submitted` when every check passed, `checks_failed` otherwise. Aggregate `vendor`.
 */
export const VendorSubmittedV1 = defineEvent(
  'vendor.submitted.v1',
  VendorSellingStateSchema.extend({
    submissionId: z.string().uuid(),
    /** 1 for the first submission, 2 for the first resubmission, … */
    submissionNumber: z.number().int().positive(),
    checksPassed: z.boolean(),
    /** Codes of the checks that failed (`NID_FORMAT`, `NAME_MATCH`, …). */
    failedChecks: z.array(z.string()),
  }),
);
