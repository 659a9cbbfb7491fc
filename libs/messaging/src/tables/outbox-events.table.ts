import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { EventEnvelope } from '@haat/contracts';

/**
 * Events written in the business transaction, waiting for the relay. A platform table: no
 * row-level security, because the relay reads every tenant's rows. `available_at` is when the
 * relay may try the row again (now on insert, later after a failed publish).
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    /** The event id (envelope `id`, UUIDv7): also the broker's de-duplication id. */
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id'),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The whole envelope, exactly as it will be published. */
    payload: jsonb('payload').$type<EventEnvelope>().notNull(),
    traceparent: text('traceparent'),
    status: text('status', { enum: ['pending', 'sent'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_events_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
    check('outbox_events_status_ck', sql`${t.status} in ('pending', 'sent')`),
  ],
);

export type OutboxEventRow = typeof outboxEvents.$inferSelect;
