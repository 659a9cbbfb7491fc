import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';

/** Precedence, most specific first: a vendor's own rule beats its category's, its tier's, the tenant default. */
export const COMMISSION_LEVELS = ['vendor', 'category', 'tier', 'default'] as const;
export type CommissionLevel = (typeof COMMISSION_LEVELS)[number];

/**
 * A commission rule: a percentage (basis points) plus a fixed part per order line, with a
 * minimum, for lines in `currency`, effective from `effective_from` until `effective_to`
 * (exclusive, open when null). Rules are never edited, only ended: an order resolved yesterday
 * resolves the same today.
 */
export const commissionRules = pgTable(
  'commission_rules',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    level: text('level', { enum: COMMISSION_LEVELS }).notNull(),
    vendorId: uuid('vendor_id'),
    /** product-service category id. */
    categoryId: uuid('category_id'),
    tier: text('tier'),
    currency: text('currency').notNull(),
    percentBps: integer('percent_bps').notNull(),
    fixedMinor: bigint('fixed_minor', { mode: 'bigint' }).notNull(),
    minimumMinor: bigint('minimum_minor', { mode: 'bigint' }).notNull(),
    effectiveFrom: timestamptz('effective_from').notNull(),
    effectiveTo: timestamptz('effective_to'),
    note: text('note'),
    createdBy: text('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    endedBy: text('ended_by'),
  },
  (t) => [
    index('commission_rules_vendor_idx').on(t.tenantId, t.vendorId, t.effectiveFrom),
    index('commission_rules_category_idx').on(t.tenantId, t.categoryId, t.effectiveFrom),
    index('commission_rules_level_idx').on(t.tenantId, t.level, t.tier, t.effectiveFrom),
    check(
      'commission_rules_target_ck',
      sql`(${t.level} = 'vendor' and ${t.vendorId} is not null and ${t.categoryId} is null and ${t.tier} is null)
       or (${t.level} = 'category' and ${t.categoryId} is not null and ${t.vendorId} is null and ${t.tier} is null)
       or (${t.level} = 'tier' and ${t.tier} is not null and ${t.vendorId} is null and ${t.categoryId} is null)
       or (${t.level} = 'default' and ${t.vendorId} is null and ${t.categoryId} is null and ${t.tier} is null)`,
    ),
    check('commission_rules_bps_ck', sql`${t.percentBps} between 0 and 10000`),
    check('commission_rules_amounts_ck', sql`${t.fixedMinor} >= 0 and ${t.minimumMinor} >= 0`),
    check(
      'commission_rules_period_ck',
      sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`,
    ),
    tenantIsolation(),
  ],
).enableRLS();

export type CommissionRuleRow = typeof commissionRules.$inferSelect;
export type NewCommissionRuleRow = typeof commissionRules.$inferInsert;
