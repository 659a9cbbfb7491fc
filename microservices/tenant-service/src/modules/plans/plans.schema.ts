import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Subscription plans: a platform table (no RLS). The code is the plan's identity (`free`,
 * `growth`); a null limit means unlimited.
 */
export const plans = pgTable(
  'plans',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    maxProducts: integer('max_products'),
    maxVendors: integer('max_vendors'),
    maxStaff: integer('max_staff'),
    maxOrdersPerMonth: integer('max_orders_per_month'),
    tenantRequestsPerMinute: integer('tenant_requests_per_minute').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'plans_limits_non_negative',
      sql`coalesce(${t.maxProducts}, 0) >= 0 and coalesce(${t.maxVendors}, 0) >= 0 and coalesce(${t.maxStaff}, 0) >= 0 and coalesce(${t.maxOrdersPerMonth}, 0) >= 0`,
    ),
    check('plans_rate_limit_positive', sql`${t.tenantRequestsPerMinute} > 0`),
  ],
);

export type PlanRow = typeof plans.$inferSelect;
export type NewPlanRow = typeof plans.$inferInsert;
