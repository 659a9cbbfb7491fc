import { integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Events a consumer gave up on (malformed, or still failing after its attempts), kept for
 * inspection and replay. `event_id` is text because a malformed message may carry no usable id
 * (then it is `sha256:<hex of the raw message>`). A platform table.
 */
export const deadLetters = pgTable(
  'dead_letters',
  {
    id: uuid('id').primaryKey(),
    consumer: text('consumer').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type'),
    /** The message as received: the envelope, or whatever arrived when it was not one. */
    envelope: jsonb('envelope').$type<unknown>().notNull(),
    error: text('error').notNull(),
    attempts: integer('attempts').notNull(),
    firstFailedAt: timestamp('first_failed_at', { withTimezone: true }).notNull().defaultNow(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull().defaultNow(),
    replayedAt: timestamp('replayed_at', { withTimezone: true }),
  },
  (t) => [unique('dead_letters_consumer_event_uq').on(t.consumer, t.eventId)],
);

export type DeadLetterRow = typeof deadLetters.$inferSelect;
