import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';
import { vendors } from '../vendors/vendors.schema.js';
import { CHECK_CODES, CHECK_OUTCOMES, type CheckFinding } from './checks/compliance-check.js';
import { DOCUMENT_TYPES } from './checks/document-requirements.js';

/** One submission of documents by a vendor; resubmissions are numbered 2, 3, … */
export const vendorSubmissions = pgTable(
  'vendor_submissions',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    /** `passed` when every check passed (or was skipped), else `failed`. */
    outcome: text('outcome', { enum: ['passed', 'failed'] }).notNull(),
    submittedBy: text('submitted_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('vendor_submissions_number_uq').on(t.tenantId, t.vendorId, t.number),
    tenantIsolation(),
  ],
).enableRLS();

/**
 * A document of a submission: its file is a media-service asset; its number exists only sealed
 * (envelope-encrypted), with a masked hint for people.
 */
export const vendorDocuments = pgTable(
  'vendor_documents',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => vendorSubmissions.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id').notNull(),
    /** Its place in the submission: findings name it as `documents.<position>`. */
    position: integer('position').notNull(),
    type: text('type', { enum: DOCUMENT_TYPES }).notNull(),
    mediaAssetId: uuid('media_asset_id').notNull(),
    holderName: text('holder_name').notNull(),
    numberSealed: text('number_sealed'),
    numberHint: text('number_hint'),
    issuedOn: date('issued_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
  },
  (t) => [
    index('vendor_documents_submission_idx').on(t.tenantId, t.submissionId, t.position),
    tenantIsolation(),
  ],
).enableRLS();

/** The result of one compliance check on one submission, with the reason shown to the vendor. */
export const vendorComplianceChecks = pgTable(
  'vendor_compliance_checks',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => vendorSubmissions.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id').notNull(),
    code: text('code', { enum: CHECK_CODES }).notNull(),
    outcome: text('outcome', { enum: CHECK_OUTCOMES }).notNull(),
    reason: text('reason').notNull(),
    findings: jsonb('findings').$type<CheckFinding[]>().notNull(),
    checkedAt: timestamptz('checked_at').notNull(),
  },
  (t) => [
    uniqueIndex('vendor_compliance_checks_uq').on(t.tenantId, t.submissionId, t.code),
    check('vendor_compliance_checks_outcome_ck', sql`${t.outcome} in ('passed','failed','skipped')`),
    tenantIsolation(),
  ],
).enableRLS();

export type SubmissionRow = typeof vendorSubmissions.$inferSelect;
export type DocumentRow = typeof vendorDocuments.$inferSelect;
export type NewDocumentRow = typeof vendorDocuments.$inferInsert;
export type CheckRow = typeof vendorComplianceChecks.$inferSelect;
export type NewCheckRow = typeof vendorComplianceChecks.$inferInsert;
