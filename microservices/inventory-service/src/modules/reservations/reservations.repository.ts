import { Injectable } from '@nestjs/common';
import type { Tx } from '@haat/database';
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { ReservationStatus } from './reservation.machine.js';
import {
  type NewReservationRow,
  type ReservationAllocationRow,
  reservationAllocations,
  type ReservationRow,
  reservations,
  type StoredRejection,
  SWEEP_SETTING,
} from './reservations.schema.js';

/** A reservation locked for settling, and whether its expiry has passed by the database clock. */
export type LockedReservation = ReservationRow & { lapsed: boolean };

/** A reservation to claim for an order; it expires `ttlSeconds` after the database's now. */
export type ReservationClaim = Pick<NewReservationRow, 'id' | 'orderId' | 'lines' | 'shipTo'> & {
  ttlSeconds: number;
};

/** The only code touching `reservations` and `reservation_allocations`. */
@Injectable()
export class ReservationsRepository {
  /**
   * Inserts active reservations; an order that already has one keeps it (the unique order id
   * is what makes reserve idempotent). Returns the rows inserted, by id. Claims go in order-id
   * order so two transactions claiming overlapping orders cannot deadlock. One statement with
   * array parameters, whatever the number of claims.
   */
  async claim(
    tx: Tx,
    tenantId: string,
    claims: readonly ReservationClaim[],
  ): Promise<{ id: string; createdAt: Date; expiresAt: Date }[]> {
    if (claims.length === 0) return [];
    const sorted = [...claims].sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
    const result = await tx.execute<{ id: string; created_at: string | Date; expires_at: string | Date }>(sql`
      insert into reservations (id, tenant_id, order_id, status, lines, ship_to, expires_at)
      select c.id, ${tenantId}::uuid, c.order_id, 'active', c.lines, c.ship_to, now() + c.ttl * interval '1 second'
        from unnest(
          ${sql.param(sorted.map((c) => c.id))}::uuid[],
          ${sql.param(sorted.map((c) => c.orderId))}::uuid[],
          ${sql.param(sorted.map((c) => JSON.stringify(c.lines)))}::jsonb[],
          ${sql.param(sorted.map((c) => (c.shipTo ? JSON.stringify(c.shipTo) : null)))}::jsonb[],
          ${sql.param(sorted.map((c) => c.ttlSeconds))}::int[]
        ) as c(id, order_id, lines, ship_to, ttl)
      on conflict (tenant_id, order_id) do nothing
      returning id, created_at, expires_at`);
    return result.rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at),
      expiresAt: new Date(r.expires_at),
    }));
  }

  /** A `released` reservation without lines: the order was cancelled before anything was reserved. */
  async insertTombstone(
    tx: Tx,
    row: Pick<NewReservationRow, 'id' | 'tenantId' | 'orderId' | 'releaseReason'>,
  ): Promise<ReservationRow | undefined> {
    const [inserted] = await tx
      .insert(reservations)
      .values({
        ...row,
        status: 'released',
        lines: [],
        expiresAt: sql`now()`,
        releasedAt: sql`now()`,
      })
      .onConflictDoNothing({ target: [reservations.tenantId, reservations.orderId] })
      .returning();
    return inserted;
  }

  findByOrders(tx: Tx, tenantId: string, orderIds: readonly string[]): Promise<ReservationRow[]> {
    if (orderIds.length === 0) return Promise.resolve([]);
    return tx
      .select()
      .from(reservations)
      .where(and(eq(reservations.tenantId, tenantId), inArray(reservations.orderId, [...orderIds])));
  }

  /** Locks the order's reservation until the transaction ends. */
  async lockByOrder(tx: Tx, tenantId: string, orderId: string): Promise<LockedReservation | undefined> {
    const [row] = await tx
      .select({ ...getTableColumns(reservations), lapsed: sql<boolean>`${reservations.expiresAt} <= now()` })
      .from(reservations)
      .where(and(eq(reservations.tenantId, tenantId), eq(reservations.orderId, orderId)))
      .for('update');
    return row;
  }

  async insertAllocations(
    tx: Tx,
    tenantId: string,
    rows: readonly ReservationAllocationRow[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await tx.execute(sql`
      insert into reservation_allocations (tenant_id, reservation_id, sku, warehouse_id, vendor_id, quantity)
      select ${tenantId}::uuid, a.* from unnest(
        ${sql.param(rows.map((r) => r.reservationId))}::uuid[],
        ${sql.param(rows.map((r) => r.sku))}::text[],
        ${sql.param(rows.map((r) => r.warehouseId))}::uuid[],
        ${sql.param(rows.map((r) => r.vendorId))}::uuid[],
        ${sql.param(rows.map((r) => r.quantity))}::int[]
      ) as a(reservation_id, sku, warehouse_id, vendor_id, quantity)`);
  }

  allocationsOf(
    tx: Tx,
    tenantId: string,
    reservationIds: readonly string[],
  ): Promise<ReservationAllocationRow[]> {
    if (reservationIds.length === 0) return Promise.resolve([]);
    return tx
      .select()
      .from(reservationAllocations)
      .where(
        and(
          eq(reservationAllocations.tenantId, tenantId),
          inArray(reservationAllocations.reservationId, [...reservationIds]),
        ),
      )
      .orderBy(asc(reservationAllocations.sku), asc(reservationAllocations.warehouseId));
  }

  /** Records why these reservations could not be filled (they hold nothing). */
  async markRejected(
    tx: Tx,
    tenantId: string,
    rejected: readonly { id: string; rejection: StoredRejection }[],
  ): Promise<void> {
    if (rejected.length === 0) return;
    await tx.execute(sql`
      update reservations as r
         set status = 'rejected', rejection = v.rejection, updated_at = now()
        from unnest(
          ${sql.param(rejected.map((x) => x.id))}::uuid[],
          ${sql.param(rejected.map((x) => JSON.stringify(x.rejection)))}::jsonb[]
        ) as v(id, rejection)
       where r.tenant_id = ${tenantId}::uuid and r.id = v.id`);
  }

  async markSettled(
    tx: Tx,
    tenantId: string,
    id: string,
    status: Extract<ReservationStatus, 'committed' | 'released' | 'expired'>,
    releaseReason: string | null,
  ): Promise<ReservationRow> {
    const [row] = await tx
      .update(reservations)
      .set({
        status,
        releaseReason,
        updatedAt: sql`now()`,
        ...(status === 'committed' ? { committedAt: sql`now()` } : { releasedAt: sql`now()` }),
      })
      .where(
        and(eq(reservations.tenantId, tenantId), eq(reservations.id, id), eq(reservations.status, 'active')),
      )
      .returning();
    return row as ReservationRow;
  }

  /**
   * Across all tenants: locks up to `limit` active reservations past their expiry, skipping any
   * another sweeper (or a commit or release) holds, so several instances share the work. The
   * row-level security policies admit them only while the sweep setting is on in this
   * transaction; it is switched off again before anything else runs.
   */
  async claimExpired(tx: Tx, limit: number): Promise<ReservationRow[]> {
    await tx.execute(sql`select set_config(${SWEEP_SETTING}, 'on', true)`);
    const rows = await tx
      .select()
      .from(reservations)
      .where(and(eq(reservations.status, 'active'), sql`${reservations.expiresAt} < now()`))
      .orderBy(asc(reservations.expiresAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    await tx.execute(sql`select set_config(${SWEEP_SETTING}, 'off', true)`);
    return rows;
  }
}
