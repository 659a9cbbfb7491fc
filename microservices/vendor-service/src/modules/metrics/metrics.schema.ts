import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';

/**
 * What a seller's performance is computed from, one row per fact of another service's event:
 * an order received (its amount), shipped (fulfilment time, late or not), cancelled by the
 * vendor, returned; a rating. Facts are keyed by the event that carried them, so a redelivered
 * event counts once.
 */
export const PERFORMANCE_FACT_KINDS = [
  'order_received',
  'order_shipped',
  'order_cancelled_by_vendor',
  'order_returned',
  'review_rated',
] as const;
export type PerformanceFactKind = (typeof PERFORMANCE_FACT_KINDS)[number];

export const vendorPerformanceFacts = pgTable(
  'vendor_performance_facts',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** The id of the event the fact came from. */
    id: uuid('id').notNull(),
    vendorId: uuid('vendor_id').notNull(),
    kind: text('kind', { enum: PERFORMANCE_FACT_KINDS }).notNull(),
    occurredAt: timestamptz('occurred_at').notNull(),
    /** The vendor's sub-order the fact is about. */
    orderId: text('order_id'),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }),
    currency: text('currency'),
    /** Order confirmed → picked up by the courier, for `order_shipped`; null when the order was not seen. */
    fulfilmentSeconds: integer('fulfilment_seconds'),
    /** Picked up after the vendor's handling time, for `order_shipped`; null when unknown. */
    late: boolean('late'),
    /** 1–5, for `review_rated`. */
    rating: smallint('rating'),
  },
  (t) => [
    primaryKey({ name: 'vendor_performance_facts_pkey', columns: [t.tenantId, t.id] }),
    index('vendor_performance_facts_vendor_idx').on(t.tenantId, t.vendorId, t.occurredAt),
    index('vendor_performance_facts_order_idx').on(t.tenantId, t.orderId),
    check('vendor_performance_facts_rating_ck', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    tenantIsolation(),
  ],
).enableRLS();

export type PerformanceFactRow = typeof vendorPerformanceFacts.$inferSelect;
export type NewPerformanceFactRow = typeof vendorPerformanceFacts.$inferInsert;
