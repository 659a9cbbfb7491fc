import { PageQuerySchema, pageSchema } from '@haat/common';
import { z } from 'zod';
import { VendorSchema } from '../../vendors/dto/vendor.dto.js';
import { CHECK_CODES, CHECK_OUTCOMES } from '../checks/compliance-check.js';
import { DOCUMENT_TYPES } from '../checks/document-requirements.js';
import type { CheckRow, DocumentRow, SubmissionRow } from '../compliance.schema.js';

export const CheckResultSchema = z.object({
  code: z.enum(CHECK_CODES),
  outcome: z.enum(CHECK_OUTCOMES),
  /** Shown to the vendor: what passed, or what to fix. */
  reason: z.string(),
  /** Each problem: the field of the submission and the rule it broke. */
  findings: z.array(z.object({ field: z.string(), rule: z.string() })),
  checkedAt: z.string().datetime(),
});

export const SubmittedDocumentViewSchema = z.object({
  position: z.number().int(),
  type: z.enum(DOCUMENT_TYPES),
  mediaAssetId: z.string().uuid(),
  holderName: z.string(),
  /** The number masked; the number itself is stored encrypted. */
  numberHint: z.string().nullable(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
});

export const SubmissionSchema = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  outcome: z.enum(['passed', 'failed']),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().datetime(),
  documents: z.array(SubmittedDocumentViewSchema),
  checks: z.array(CheckResultSchema),
});
export type Submission = z.infer<typeof SubmissionSchema>;

export const SubmissionSummarySchema = SubmissionSchema.omit({ documents: true, checks: true }).extend({
  failedChecks: z.array(z.enum(CHECK_CODES)),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummarySchema>;
export const SubmissionPageSchema = pageSchema(SubmissionSummarySchema);
export const ListSubmissionsQuerySchema = PageQuerySchema.strict();

/** What a submission answers: the vendor (its new status) and the submission with every check. */
export const SubmitResultSchema = z.object({ vendor: VendorSchema, submission: SubmissionSchema });

const order = (code: string) => (CHECK_CODES as readonly string[]).indexOf(code);

export function toSubmission(row: SubmissionRow, documents: DocumentRow[], checks: CheckRow[]): Submission {
  return {
    id: row.id,
    number: row.number,
    outcome: row.outcome,
    submittedBy: row.submittedBy,
    submittedAt: row.createdAt.toISOString(),
    documents: documents.map((d) => ({
      position: d.position,
      type: d.type,
      mediaAssetId: d.mediaAssetId,
      holderName: d.holderName,
      numberHint: d.numberHint,
      issuedOn: d.issuedOn,
      expiresOn: d.expiresOn,
    })),
    checks: [...checks]
      .sort((a, b) => order(a.code) - order(b.code))
      .map((c) => ({
        code: c.code,
        outcome: c.outcome,
        reason: c.reason,
        findings: c.findings,
        checkedAt: c.checkedAt.toISOString(),
      })),
  };
}

export function toSubmissionSummary(row: SubmissionRow, checks: CheckRow[]): SubmissionSummary {
  return {
    id: row.id,
    number: row.number,
    outcome: row.outcome,
    submittedBy: row.submittedBy,
    submittedAt: row.createdAt.toISOString(),
    failedChecks: checks
      .filter((c) => c.outcome === 'failed')
      .sort((a, b) => order(a.code) - order(b.code))
      .map((c) => c.code),
  };
}
