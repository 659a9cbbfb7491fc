import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { RESERVATION_STATUSES } from './reservation.machine.js';

/** The `app.*` setting that lets the expiry sweeper see and lock expired reservations of every tenant. */
export const SWEEP_SETTING = 'app.inventory_sweep';

// The sweeper knows no tenant, yet FORCE ROW LEVEL SECURITY hides every row without one. These
// policies admit only active reservations past their expiry, only in a transaction that opted in;
// `FOR UPDATE` needs both the select and the update policy.
const sweeping = sql`current_setting(${sql.raw(`'${SWEEP_SETTING}'`)}, true) = 'on'`;

/** A requested line, as stored (the idempotency fingerprint of the order's reservation). */
export interface StoredLine {
  sku: string;
  quantity: number;
  vendorId: string | null;
}

/** What could not be filled, for a rejected reservation. */
export interface StoredRejection {
  reason: 'insufficient-stock' | 'unknown-sku';
  shortages: { sku: string; requested: number; available: number }[];
}

/**
 * One reservation per order (the unique `(tenant_id, order_id)` makes reserve idempotent by
 * order id). A rejected reservation is kept too, so a repeat gets the same answer; a release
 * that arrives first leaves a `released` tombstone without lines.
 */
export const reservations = pgTable(
  'reservations',
  {
    id: uuid('id').notNull(),
    tenantId: uuid('tenant_id').notNull(),
    orderId: uuid('order_id').notNull(),
    status: text('status', { enum: RESERVATION_STATUSES }).notNull(),
    lines: jsonb('lines').$type<StoredLine[]>().notNull(),
    shipTo: jsonb('ship_to').$type<{ latitude: number; longitude: number }>(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    rejection: jsonb('rejection').$type<StoredRejection>(),
    releaseReason: text('release_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'reservations_pkey', columns: [t.tenantId, t.id] }),
    unique('reservations_order_uq').on(t.tenantId, t.orderId),
    // The sweeper looks across tenants by expiry, so this index does not lead with tenant_id.
    index('reservations_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'active'`),
    check(
      'reservations_status_ck',
      sql`${t.status} in (${sql.raw(RESERVATION_STATUSES.map((s) => `'${s}'`).join(', '))})`,
    ),
    tenantIsolation(),
    pgPolicy('reservations_sweep_select', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`${sweeping} and ${t.status} = 'active' and ${t.expiresAt} < now()`,
    }),
    pgPolicy('reservations_sweep_update', {
      as: 'permissive',
      for: 'update',
      to: 'public',
      using: sql`${sweeping} and ${t.status} = 'active' and ${t.expiresAt} < now()`,
    }),
  ],
).enableRLS();

/**
 * Which warehouses a reservation took its units from, per SKU. Written only by the reservation's
 * own transaction, right after the reservation row, which is never deleted: no foreign key, whose
 * per-row check (a lock on the reservation row) would double the cost of a batch's insert.
 */
export const reservationAllocations = pgTable(
  'reservation_allocations',
  {
    tenantId: uuid('tenant_id').notNull(),
    reservationId: uuid('reservation_id').notNull(),
    sku: text('sku').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    vendorId: uuid('vendor_id'),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'reservation_allocations_pkey',
      columns: [t.tenantId, t.reservationId, t.sku, t.warehouseId],
    }),
    check('reservation_allocations_quantity_ck', sql`${t.quantity} > 0`),
    tenantIsolation(),
  ],
).enableRLS();

export type ReservationRow = typeof reservations.$inferSelect;
export type NewReservationRow = typeof reservations.$inferInsert;
export type ReservationAllocationRow = typeof reservationAllocations.$inferSelect;
