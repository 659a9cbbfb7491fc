import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';

export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** A refund of part or all of a captured payment, followed at the provider until final. */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    intentId: uuid('intent_id').notNull(),
    /** Our compact refund id at the provider (SSLCommerz `refund_trans_id` ≤ 30 chars). */
    reference: text('reference').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: REFUND_STATUSES }).notNull(),
    reason: text('reason').notNull(),
    providerRefundId: text('provider_refund_id'),
    failureReason: text('failure_reason'),
    requestedBy: text('requested_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'payment_refunds_pkey', columns: [t.tenantId, t.id] }),
    index('payment_refunds_intent_idx').on(t.tenantId, t.intentId, t.createdAt),
    uniqueIndex('payment_refunds_reference_uq').on(t.tenantId, t.reference),
    index('payment_refunds_provider_idx').on(t.tenantId, t.providerRefundId),
    check('payment_refunds_amount_ck', sql`${t.amountMinor} > 0`),
    tenantIsolation(),
  ],
).enableRLS();

export type PaymentRefundRow = typeof paymentRefunds.$inferSelect;

/**
 * Which pending refunds the follow-up job must ask their provider about, across tenants. A
 * platform table (ids and times only, no RLS) like the outbox: the job then reads the refund in
 * its tenant's transaction.
 */
export const refundChecks = pgTable(
  'refund_checks',
  {
    refundId: uuid('refund_id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('refund_checks_due_idx').on(t.nextCheckAt)],
);
