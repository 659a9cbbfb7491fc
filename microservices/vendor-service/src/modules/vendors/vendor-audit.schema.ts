import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';
import { vendors } from './vendors.schema.js';

/**
 * Every change to a vendor — each onboarding transition, profile, store, tier and payout change —
 * with who made it, when and why. Only ever inserted.
 */
export const vendorAuditLog = pgTable(
  'vendor_audit_log',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    /** `apply`, `submit`, `approve`, `reject`, `suspend`, `reinstate`, `update-profile`, … */
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** The signed-in user; null for the platform's own work. */
    actorUserId: text('actor_user_id'),
    actorRoles: text('actor_roles').array().notNull(),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('vendor_audit_log_vendor_idx').on(t.tenantId, t.vendorId, t.id), tenantIsolation()],
).enableRLS();

export type VendorAuditRow = typeof vendorAuditLog.$inferSelect;
export type NewVendorAuditRow = typeof vendorAuditLog.$inferInsert;
