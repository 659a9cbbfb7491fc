import { sql } from 'drizzle-orm';
import { boolean, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/timestamptz.column.js';

/** A tenant's override of which template and channels an event notifies with. */
export const notificationRules = pgTable(
  'notification_rules',
  {
    tenantId: uuid('tenant_id').notNull(),
    eventType: text('event_type').notNull(),
    templateKey: text('template_key').notNull(),
    channels: text('channels')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'notification_rules_pkey', columns: [t.tenantId, t.eventType] }),
    tenantIsolation(),
  ],
).enableRLS();

export type NotificationRuleRow = typeof notificationRules.$inferSelect;
