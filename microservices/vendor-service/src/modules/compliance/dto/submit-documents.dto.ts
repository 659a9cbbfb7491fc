import { z } from 'zod';
import { DOCUMENT_TYPES } from '../checks/document-requirements.js';

/**
 * One document of a submission: its file (uploaded to media-service first) and what is printed
 * on it. The number's format is a compliance check, not a 400: every problem of a submission
 * is reported at once, as failed checks the vendor sees and fixes.
 */
export const SubmittedDocumentSchema = z.strictObject({
  type: z.enum(DOCUMENT_TYPES),
  mediaAssetId: z.string().uuid(),
  /** The person's or business's name as printed on the document. */
  holderName: z.string().trim().min(2).max(160),
  number: z.string().trim().min(1).max(60).optional(),
  issuedOn: z.iso.date().optional(),
  expiresOn: z.iso.date().optional(),
});

/** `POST /v1/vendors/:id/submissions`: the documents; every compliance check runs on them. */
export const SubmitDocumentsSchema = z.strictObject({
  documents: z.array(SubmittedDocumentSchema).min(1).max(20),
});
export type SubmitDocumentsInput = z.output<typeof SubmitDocumentsSchema>;
