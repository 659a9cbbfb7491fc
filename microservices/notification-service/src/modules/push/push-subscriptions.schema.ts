import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/timestamptz.column.js';

/** A browser's Web Push subscription (RFC 8030 endpoint + RFC 8291 keys) for one user. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    userAgent: text('user_agent'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('push_subscriptions_tenant_endpoint_uq').on(t.tenantId, t.endpoint),
    index('push_subscriptions_tenant_user_idx').on(t.tenantId, t.userId, t.id),
    tenantIsolation(),
  ],
).enableRLS();

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
