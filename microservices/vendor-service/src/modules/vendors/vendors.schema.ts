import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';

export const VENDOR_STATUSES = [
  'applied',
  'submitted',
  'checks_failed',
  'approved',
  'rejected',
  'suspended',
] as const;
export type VendorStatusValue = (typeof VENDOR_STATUSES)[number];

/** How the business is registered: decides which documents are required. */
export const BUSINESS_TYPES = ['individual', 'partnership', 'company'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

export interface VendorAddress {
  line1: string;
  line2?: string | undefined;
  city: string;
  district: string;
  postcode?: string | undefined;
  country: string;
}

/** A seller of one tenant's marketplace: who it is and where it stands in onboarding. */
export const vendors = pgTable(
  'vendors',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    status: text('status', { enum: VENDOR_STATUSES }).notNull(),
    /** The account that applied; it acts as the vendor's owner (null: created by the platform). */
    ownerUserId: text('owner_user_id'),
    /** The business name as registered (trade licence). */
    legalName: text('legal_name').notNull(),
    /** The proprietor or managing director, as on their NID. */
    ownerName: text('owner_name').notNull(),
    businessType: text('business_type', { enum: BUSINESS_TYPES }).notNull(),
    contactEmail: text('contact_email').notNull(),
    /** Normalized (`01XXXXXXXXX` for Bangladesh mobiles). */
    contactPhone: text('contact_phone').notNull(),
    address: jsonb('address').$type<VendorAddress>().notNull(),
    /** The marketplace's commercial tier (commission rules key on it). */
    tier: text('tier').notNull().default('standard'),
    /** The reason of the last review decision (rejection reasons joined, suspension reason). */
    statusReason: text('status_reason'),
    submissionCount: integer('submission_count').notNull().default(0),
    submittedAt: timestamptz('submitted_at'),
    approvedAt: timestamptz('approved_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('vendors_tenant_status_idx').on(t.tenantId, t.status, t.id),
    index('vendors_tenant_owner_idx').on(t.tenantId, t.ownerUserId),
    check(
      'vendors_status_ck',
      sql`${t.status} in ('applied','submitted','checks_failed','approved','rejected','suspended')`,
    ),
    tenantIsolation(),
  ],
).enableRLS();

export type VendorRow = typeof vendors.$inferSelect;
export type NewVendorRow = typeof vendors.$inferInsert;
