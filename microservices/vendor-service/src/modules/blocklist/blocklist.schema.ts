import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';

/** What a blocklist entry names: identifiers a refused or fraudulent seller used. */
export const BLOCKLIST_KINDS = ['nid', 'tin', 'bin', 'phone', 'bank_account'] as const;
export type BlocklistKind = (typeof BLOCKLIST_KINDS)[number];

/**
 * A tenant's blocklist of seller identifiers. The value itself is not stored: only its keyed
 * hash (`VENDOR_LOOKUP_KEY`) for matching and a masked hint for people.
 */
export const vendorBlocklist = pgTable(
  'vendor_blocklist',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind', { enum: BLOCKLIST_KINDS }).notNull(),
    valueHash: text('value_hash').notNull(),
    /** `••••••••••123`. */
    valueHint: text('value_hint').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('vendor_blocklist_value_uq').on(t.tenantId, t.kind, t.valueHash),
    index('vendor_blocklist_tenant_idx').on(t.tenantId, t.id),
    tenantIsolation(),
  ],
).enableRLS();

export type BlocklistRow = typeof vendorBlocklist.$inferSelect;
export type NewBlocklistRow = typeof vendorBlocklist.$inferInsert;
