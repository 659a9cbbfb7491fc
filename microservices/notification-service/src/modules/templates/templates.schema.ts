import { pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/timestamptz.column.js';

/** A tenant's own wording of one template in one channel and language; defaults ship in code. */
export const templateOverrides = pgTable(
  'template_overrides',
  {
    tenantId: uuid('tenant_id').notNull(),
    key: text('key').notNull(),
    channel: text('channel').notNull(),
    locale: text('locale').notNull(),
    /** Email subject or push title. */
    subject: text('subject'),
    text: text('text').notNull(),
    html: text('html'),
    updatedBy: text('updated_by'),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'template_overrides_pkey', columns: [t.tenantId, t.key, t.channel, t.locale] }),
    tenantIsolation(),
  ],
).enableRLS();

export type TemplateOverrideRow = typeof templateOverrides.$inferSelect;
