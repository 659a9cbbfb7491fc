import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per event a consumer has handled, written in the same transaction as the handler's
 * effect: a redelivered event finds its row and is not handled again. A platform table.
 */
export const inboxEvents = pgTable(
  'inbox_events',
  {
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    handledAt: timestamp('handled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);

export type InboxEventRow = typeof inboxEvents.$inferSelect;
