import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { NotificationCategory, NotificationChannel, NotificationRecipient } from '@haat/contracts';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/timestamptz.column.js';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'dead', 'suppressed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One message to one address over one channel, rendered when it was requested: `pending` until a
 * provider accepts it (`sent`), refuses it for good (`failed`) or keeps failing past its attempts
 * (`dead`); `suppressed` records a message not sent because the recipient opted out.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    channel: text('channel').$type<NotificationChannel>().notNull(),
    category: text('category').$type<NotificationCategory>().notNull(),
    templateKey: text('template_key').notNull(),
    locale: text('locale').notNull(),
    recipientKind: text('recipient_kind').$type<NotificationRecipient['kind']>(),
    recipientRef: text('recipient_ref'),
    /** Email address, E.164 phone number, or push subscription id. */
    destination: text('destination').notNull(),
    subject: text('subject'),
    body: text('body'),
    html: text('html'),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    nextAttemptAt: timestamptz('next_attempt_at'),
    /** After this the message is pointless (an expired one-time code): failed instead of sent. */
    expiresAt: timestamptz('expires_at'),
    lastError: text('last_error'),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    sourceEventId: uuid('source_event_id'),
    sourceEventType: text('source_event_type'),
    /** Makes a request idempotent: the same event never creates the same delivery twice. */
    dedupeKey: text('dedupe_key').notNull(),
    /** Set when the content of a sensitive message (one-time codes) was erased after it finished. */
    redactedAt: timestamptz('redacted_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    finishedAt: timestamptz('finished_at'),
  },
  (t) => [
    uniqueIndex('deliveries_tenant_dedupe_uq').on(t.tenantId, t.dedupeKey),
    index('deliveries_tenant_id_idx').on(t.tenantId, t.id),
    index('deliveries_tenant_status_idx').on(t.tenantId, t.status, t.id),
    check('deliveries_status_ck', sql`${t.status} in ('pending', 'sent', 'failed', 'dead', 'suppressed')`),
    tenantIsolation(),
  ],
).enableRLS();

export type DeliveryRow = typeof deliveries.$inferSelect;

export const ATTEMPT_OUTCOMES = ['sent', 'retryable_error', 'permanent_error'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** The delivery log: every send attempt, what the provider answered and how long it took. */
export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    provider: text('provider').notNull(),
    outcome: text('outcome', { enum: ATTEMPT_OUTCOMES }).notNull(),
    providerMessageId: text('provider_message_id'),
    errorCode: text('error_code'),
    error: text('error'),
    startedAt: timestamptz('started_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [
    uniqueIndex('delivery_attempts_tenant_delivery_attempt_uq').on(t.tenantId, t.deliveryId, t.attempt),
    tenantIsolation(),
  ],
).enableRLS();

export type DeliveryAttemptRow = typeof deliveryAttempts.$inferSelect;

/**
 * The work queue of pending deliveries: ids and times only. A platform table (no row-level
 * security, like the outbox) because one worker claims due rows across every tenant with
 * `FOR UPDATE SKIP LOCKED`; it then reads and updates each delivery inside its tenant's scope.
 */
export const deliveryQueue = pgTable(
  'delivery_queue',
  {
    deliveryId: uuid('delivery_id')
      .primaryKey()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id').notNull(),
    /** When a worker may take it: the next attempt, or the end of the current worker's lease. */
    dueAt: timestamptz('due_at').notNull().defaultNow(),
  },
  (t) => [index('delivery_queue_due_idx').on(t.dueAt)],
);
