import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { PAYMENT_METHODS } from '../intents/intents.schema.js';

/**
 * The webhook inbox: one row per provider event handled, written in the transaction of its
 * effect. A replayed event finds its row (primary key) and changes nothing.
 */
export const webhookReceipts = pgTable(
  'webhook_receipts',
  {
    tenantId: uuid('tenant_id').notNull(),
    provider: text('provider', { enum: PAYMENT_METHODS }).notNull(),
    eventId: text('event_id').notNull(),
    intentId: uuid('intent_id'),
    /** `applied`, `ignored`, `no_change`. */
    outcome: text('outcome').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'webhook_receipts_pkey', columns: [t.tenantId, t.provider, t.eventId] }),
    index('webhook_receipts_received_idx').on(t.tenantId, t.receivedAt),
    tenantIsolation(),
  ],
).enableRLS();
