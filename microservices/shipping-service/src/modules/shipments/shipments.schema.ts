import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { COURIERS } from '../accounts/accounts.schema.js';
import { SHIPPING_ZONES } from '../rates/rates.schema.js';
import { SHIPMENT_STATUSES } from './shipment.machine.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** The platform's jobs (booking, labels, polling) see every tenant's shipments with this setting on. */
const jobs = sql`current_setting('app.shipping_jobs', true) = 'on'`;

/** Who receives the parcel and where (copied from the order: the shipment must not change with it). */
export interface Recipient {
  name: string;
  phone: string;
  email: string | null;
  address: string;
  area: string | null;
  district: string;
  division: string | null;
  country: string;
  locale: string;
}

/** One parcel: a vendor's sub-order of a confirmed order, booked with one courier. */
export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    orderId: uuid('order_id').notNull(),
    orderNumber: text('order_number'),
    subOrderId: uuid('sub_order_id').notNull(),
    vendorId: uuid('vendor_id').notNull(),
    courier: text('courier', { enum: COURIERS }).notNull(),
    accountId: uuid('account_id').notNull(),
    status: text('status', { enum: SHIPMENT_STATUSES }).notNull(),
    zone: text('zone', { enum: SHIPPING_ZONES }).notNull(),
    warehouseId: uuid('warehouse_id'),
    recipient: jsonb('recipient').$type<Recipient>().notNull(),
    lines: jsonb('lines').$type<{ sku: string; quantity: number; weightGrams: number }[]>().notNull(),
    weightGrams: integer('weight_grams').notNull(),
    itemCount: integer('item_count').notNull(),
    currency: text('currency').notNull(),
    codAmountMinor: bigint('cod_amount_minor', { mode: 'bigint' }).notNull(),
    shippingCostMinor: bigint('shipping_cost_minor', { mode: 'bigint' }).notNull(),
    codCollectedMinor: bigint('cod_collected_minor', { mode: 'bigint' }),
    consignmentId: text('consignment_id'),
    trackingId: text('tracking_id'),
    courierStatus: text('courier_status'),
    bookingAttempts: integer('booking_attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at'),
    bookingError: text('booking_error'),
    labelPath: text('label_path'),
    labelBytes: integer('label_bytes'),
    labelSha256: text('label_sha256'),
    bookedAt: timestamptz('booked_at'),
    shippedAt: timestamptz('shipped_at'),
    deliveredAt: timestamptz('delivered_at'),
    failedAt: timestamptz('failed_at'),
    lastPolledAt: timestamptz('last_polled_at'),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('shipments_sub_order_key').on(t.tenantId, t.subOrderId),
    uniqueIndex('shipments_consignment_key').on(t.tenantId, t.courier, t.consignmentId),
    index('shipments_tenant_order_idx').on(t.tenantId, t.orderId),
    index('shipments_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('shipments_pending_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    tenantIsolation(),
    pgPolicy('shipments_jobs_select', { as: 'permissive', for: 'select', to: 'public', using: jobs }),
    pgPolicy('shipments_jobs_update', {
      as: 'permissive',
      for: 'update',
      to: 'public',
      using: jobs,
      withCheck: jobs,
    }),
  ],
).enableRLS();

export type ShipmentRow = typeof shipments.$inferSelect;
export type NewShipmentRow = typeof shipments.$inferInsert;

/**
 * Every status report about a shipment (webhook, poll, booking), once: `dedupe_key` is the
 * provider's event identity (consignment + event/status + its time), so a duplicated webhook
 * inserts nothing and changes nothing. `applied` says whether it moved the shipment.
 */
export const shipmentEvents = pgTable(
  'shipment_events',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    shipmentId: uuid('shipment_id').notNull(),
    source: text('source', { enum: ['webhook', 'poll', 'booking'] }).notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    courierStatus: text('courier_status').notNull(),
    status: text('status', { enum: SHIPMENT_STATUSES }),
    applied: text('applied', { enum: ['moved', 'kept', 'stale'] }).notNull(),
    message: text('message'),
    occurredAt: timestamptz('occurred_at'),
    receivedAt: timestamptz('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('shipment_events_dedupe_key').on(t.tenantId, t.shipmentId, t.dedupeKey),
    index('shipment_events_tenant_shipment_idx').on(t.tenantId, t.shipmentId, t.receivedAt),
    tenantIsolation(),
  ],
).enableRLS();

export type ShipmentEventRow = typeof shipmentEvents.$inferSelect;
