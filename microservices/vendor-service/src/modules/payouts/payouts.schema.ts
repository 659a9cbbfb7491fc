import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';
import { vendors } from '../vendors/vendors.schema.js';

export const PAYOUT_METHODS = ['bank', 'bkash', 'nagad'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];
export const PAYOUT_SCHEDULES = ['weekly', 'biweekly', 'monthly'] as const;
export const PAYOUT_STATUSES = ['pending_verification', 'verified'] as const;

/**
 * Where and how often a vendor is paid. The account, routing and wallet numbers exist only in
 * `details_sealed` (envelope-encrypted, AES-256-GCM, bound to tenant and vendor); people see
 * `masked_destination`. A change puts the account back to `pending_verification`.
 */
export const vendorPayoutAccounts = pgTable(
  'vendor_payout_accounts',
  {
    vendorId: uuid('vendor_id')
      .primaryKey()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id').notNull(),
    method: text('method', { enum: PAYOUT_METHODS }).notNull(),
    holderName: text('holder_name').notNull(),
    bankName: text('bank_name'),
    branchName: text('branch_name'),
    detailsSealed: text('details_sealed').notNull(),
    maskedDestination: text('masked_destination').notNull(),
    schedule: text('schedule', { enum: PAYOUT_SCHEDULES }).notNull(),
    minimumPayoutMinor: bigint('minimum_payout_minor', { mode: 'bigint' }).notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: PAYOUT_STATUSES }).notNull(),
    /** Bumped on every change: what was verified is the version that was checked. */
    version: integer('version').notNull().default(1),
    verifiedAt: timestamptz('verified_at'),
    verifiedBy: text('verified_by'),
    updatedBy: text('updated_by'),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('vendor_payout_accounts_minimum_ck', sql`${t.minimumPayoutMinor} >= 0`),
    check('vendor_payout_accounts_bank_ck', sql`${t.method} <> 'bank' or ${t.bankName} is not null`),
    tenantIsolation(),
  ],
).enableRLS();

export type PayoutAccountRow = typeof vendorPayoutAccounts.$inferSelect;
export type NewPayoutAccountRow = typeof vendorPayoutAccounts.$inferInsert;
