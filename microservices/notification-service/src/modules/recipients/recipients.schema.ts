import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { NotificationCategory, NotificationChannel } from '@haat/contracts';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/timestamptz.column.js';

export const RECIPIENT_KINDS = ['user', 'vendor', 'tenant'] as const;

/**
 * Where a known recipient is reached and in which language: users (from their accounts), vendors
 * and the tenant's own alert contacts (set by the tenant's staff).
 */
export const recipients = pgTable(
  'recipients',
  {
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind', { enum: RECIPIENT_KINDS }).notNull(),
    ref: text('ref').notNull(),
    /** Lower-cased address. */
    email: text('email'),
    /** E.164 (`+8801712345678`). */
    phone: text('phone'),
    locale: text('locale'),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'recipients_pkey', columns: [t.tenantId, t.kind, t.ref] }),
    check('recipients_kind_ck', sql`${t.kind} in ('user', 'vendor', 'tenant')`),
    tenantIsolation(),
  ],
).enableRLS();

export type RecipientRow = typeof recipients.$inferSelect;

/** One row per (recipient, channel, category) the recipient does not want. */
export const optOuts = pgTable(
  'opt_outs',
  {
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind', { enum: RECIPIENT_KINDS }).notNull(),
    ref: text('ref').notNull(),
    channel: text('channel').$type<NotificationChannel>().notNull(),
    category: text('category').$type<NotificationCategory>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'opt_outs_pkey', columns: [t.tenantId, t.kind, t.ref, t.channel, t.category] }),
    tenantIsolation(),
  ],
).enableRLS();

export type OptOutRow = typeof optOuts.$inferSelect;
