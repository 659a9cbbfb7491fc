import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { plans } from '../plans/plans.schema.js';

export const TENANT_STATUSES = ['active', 'suspended'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

/**
 * The tenant directory. A platform table without RLS: tenant-service is the authority that
 * reads across tenants (host resolution, operator lists); tenant-scoped endpoints filter by the
 * caller's tenant in the repository instead.
 */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: TENANT_STATUSES }).notNull().default('active'),
    planCode: text('plan_code')
      .notNull()
      .references(() => plans.code, { onDelete: 'restrict', onUpdate: 'restrict' }),
    defaultCurrency: text('default_currency').notNull(),
    defaultLocale: text('default_locale').notNull(),
    locales: text('locales').array().notNull(),
    suspensionReason: text('suspension_reason'),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tenants_slug_uq').on(t.slug),
    index('tenants_status_id_idx').on(t.status, t.id),
    index('tenants_plan_code_idx').on(t.planCode),
  ],
);

export type TenantRow = typeof tenants.$inferSelect;
export type NewTenantRow = typeof tenants.$inferInsert;
