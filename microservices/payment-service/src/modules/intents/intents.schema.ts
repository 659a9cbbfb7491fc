import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import type { NextAction } from '../../infrastructure/gateways/payment-gateway.js';
import { PAYMENT_STATUSES } from './payment-intent.machine.js';

export const PAYMENT_METHODS = ['bkash', 'sslcommerz', 'stripe', 'paypal', 'cod'] as const;
export const REVIEW_STATES = ['pending', 'approved', 'rejected'] as const;
export const RISK_DECISIONS = ['allow', 'review', 'deny'] as const;

/**
 * One payment of one order: amount in minor units, its status (see payment-intent.machine.ts),
 * the provider's references, the customer signals the fraud checks used, and the review hold.
 */
export const paymentIntents = pgTable(
  'payment_intents',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    orderId: uuid('order_id').notNull(),
    /** Our compact id at the provider (≤ 30 chars: SSLCommerz `tran_id`). */
    reference: text('reference').notNull(),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: text('currency').notNull(),
    capturedMinor: bigint('captured_minor', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    refundedMinor: bigint('refunded_minor', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    captureMode: text('capture_mode', { enum: ['automatic', 'manual'] }).notNull(),
    reviewState: text('review_state', { enum: REVIEW_STATES }),
    riskDecision: text('risk_decision', { enum: RISK_DECISIONS }).notNull(),
    riskScore: integer('risk_score').notNull(),
    providerRef: text('provider_ref'),
    providerTxnId: text('provider_txn_id'),
    providerAuthId: text('provider_auth_id'),
    nextAction: jsonb('next_action').$type<NextAction>(),
    returnUrl: text('return_url').notNull(),
    description: text('description').notNull(),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    customerId: text('customer_id'),
    customerName: text('customer_name'),
    customerEmail: text('customer_email'),
    customerPhone: text('customer_phone'),
    deviceId: text('device_id'),
    clientIp: text('client_ip'),
    authorizedAt: timestamp('authorized_at', { withTimezone: true }),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'payment_intents_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('payment_intents_reference_uq').on(t.tenantId, t.reference),
    // One live payment per order: a failed or canceled one may be retried with a new intent.
    uniqueIndex('payment_intents_open_order_uq')
      .on(t.tenantId, t.orderId)
      .where(sql`${t.status} not in ('failed', 'canceled')`),
    uniqueIndex('payment_intents_provider_ref_uq').on(t.tenantId, t.method, t.providerRef),
    index('payment_intents_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('payment_intents_customer_idx').on(t.tenantId, t.customerId, t.createdAt),
    index('payment_intents_device_idx').on(t.tenantId, t.deviceId, t.createdAt),
    index('payment_intents_ip_idx').on(t.tenantId, t.clientIp, t.createdAt),
    index('payment_intents_phone_idx').on(t.tenantId, t.customerPhone, t.createdAt),
    check('payment_intents_amount_ck', sql`${t.amountMinor} > 0`),
    check(
      'payment_intents_money_ck',
      sql`${t.capturedMinor} >= 0 and ${t.refundedMinor} >= 0 and ${t.refundedMinor} <= ${t.capturedMinor} and ${t.capturedMinor} <= ${t.amountMinor}`,
    ),
    tenantIsolation(),
  ],
).enableRLS();

export type PaymentIntentRow = typeof paymentIntents.$inferSelect;

/** What happened to an intent, in order: the timeline staff see and support reads. */
export const paymentIntentEvents = pgTable(
  'payment_intent_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    intentId: uuid('intent_id').notNull(),
    /** `created`, `status_changed`, `amount_mismatch`, `review_approved`, `refund_requested`, … */
    kind: text('kind').notNull(),
    /** `api`, `callback`, `webhook`, `review`, `courier`, `refund-check`. */
    source: text('source').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'payment_intent_events_pkey', columns: [t.tenantId, t.id] }),
    index('payment_intent_events_intent_idx').on(t.tenantId, t.intentId, t.createdAt),
    tenantIsolation(),
  ],
).enableRLS();

export type PaymentIntentEventRow = typeof paymentIntentEvents.$inferSelect;
