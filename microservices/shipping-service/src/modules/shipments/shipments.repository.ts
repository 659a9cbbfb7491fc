import { Injectable } from '@nestjs/common';
import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  notInArray,
  or,
  sql,
} from 'drizzle-orm';
import type { Tx } from '@haat/database';
import { enterJobScope } from '../../infrastructure/db/job-scope.js';
import { FINAL_STATUSES } from './shipment.machine.js';
import {
  type NewShipmentRow,
  type ShipmentEventRow,
  type ShipmentRow,
  shipmentEvents,
  shipments,
} from './shipments.schema.js';

/** The only code touching `shipments` and `shipment_events`. */
@Injectable()
export class ShipmentsRepository {
  /** Inserts the shipment unless its sub-order has one; returns it only when inserted. */
  async insert(tx: Tx, row: NewShipmentRow): Promise<ShipmentRow | undefined> {
    const [inserted] = await tx.insert(shipments).values(row).onConflictDoNothing().returning();
    return inserted;
  }

  async find(tx: Tx, tenantId: string, id: string): Promise<ShipmentRow | undefined> {
    const [row] = await tx
      .select()
      .from(shipments)
      .where(and(eq(shipments.tenantId, tenantId), eq(shipments.id, id)));
    return row;
  }

  async lock(tx: Tx, tenantId: string, id: string): Promise<ShipmentRow | undefined> {
    const [row] = await tx
      .select()
      .from(shipments)
      .where(and(eq(shipments.tenantId, tenantId), eq(shipments.id, id)))
      .for('update');
    return row;
  }

  async findByConsignment(tx: Tx, tenantId: string, courier: ShipmentRow['courier'], consignmentId: string) {
    const [row] = await tx
      .select()
      .from(shipments)
      .where(
        and(
          eq(shipments.tenantId, tenantId),
          eq(shipments.courier, courier),
          eq(shipments.consignmentId, consignmentId),
        ),
      );
    return row;
  }

  async list(
    tx: Tx,
    tenantId: string,
    filter: { orderId?: string; vendorIds?: readonly string[]; status?: ShipmentRow['status'] },
    limit: number,
    before?: { createdAt: Date; id: string },
  ): Promise<ShipmentRow[]> {
    return tx
      .select()
      .from(shipments)
      .where(
        and(
          eq(shipments.tenantId, tenantId),
          filter.orderId ? eq(shipments.orderId, filter.orderId) : undefined,
          filter.vendorIds ? inArray(shipments.vendorId, [...filter.vendorIds]) : undefined,
          filter.status ? eq(shipments.status, filter.status) : undefined,
          before
            ? or(
                lt(shipments.createdAt, before.createdAt),
                and(eq(shipments.createdAt, before.createdAt), lt(shipments.id, before.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(shipments.createdAt), desc(shipments.id))
      .limit(limit + 1);
  }

  async update(tx: Tx, tenantId: string, id: string, changes: Partial<NewShipmentRow>): Promise<ShipmentRow> {
    const [row] = await tx
      .update(shipments)
      .set(changes)
      .where(and(eq(shipments.tenantId, tenantId), eq(shipments.id, id)))
      .returning();
    return row as ShipmentRow;
  }

  /** The tenant's shipments created in `[from, to)`, oldest first, at most `limit`. */
  async createdBetween(
    tx: Tx,
    tenantId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<ShipmentRow[]> {
    return tx
      .select()
      .from(shipments)
      .where(
        and(eq(shipments.tenantId, tenantId), gte(shipments.createdAt, from), lt(shipments.createdAt, to)),
      )
      .orderBy(asc(shipments.createdAt), asc(shipments.id))
      .limit(limit);
  }

  /** Records a status report unless the same one is there already; false for a duplicate. */
  async addEvent(tx: Tx, row: typeof shipmentEvents.$inferInsert): Promise<boolean> {
    const inserted = await tx
      .insert(shipmentEvents)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: shipmentEvents.id });
    return inserted.length > 0;
  }

  async events(tx: Tx, tenantId: string, shipmentId: string): Promise<ShipmentEventRow[]> {
    return tx
      .select()
      .from(shipmentEvents)
      .where(and(eq(shipmentEvents.tenantId, tenantId), eq(shipmentEvents.shipmentId, shipmentId)))
      .orderBy(asc(shipmentEvents.receivedAt), asc(shipmentEvents.id))
      .limit(500);
  }

  /**
   * Claims pending shipments due for booking, across tenants: each is leased until `leaseUntil`
   * and its attempt counted, so another instance skips it meanwhile (`SKIP LOCKED`).
   */
  async claimDue(tx: Tx, now: Date, leaseUntil: Date, limit: number): Promise<ShipmentRow[]> {
    await enterJobScope(tx);
    const due = await tx
      .select({ id: shipments.id })
      .from(shipments)
      .where(
        and(
          eq(shipments.status, 'pending'),
          or(isNull(shipments.nextAttemptAt), lte(shipments.nextAttemptAt, now)),
        ),
      )
      .orderBy(asc(shipments.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(shipments)
      .set({ nextAttemptAt: leaseUntil, bookingAttempts: sql`${shipments.bookingAttempts} + 1` })
      .where(
        inArray(
          shipments.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  }

  /** Booked shipments still without a label, across tenants. */
  async unlabelled(tx: Tx, limit: number): Promise<ShipmentRow[]> {
    await enterJobScope(tx);
    return tx
      .select()
      .from(shipments)
      .where(and(isNull(shipments.labelPath), isNotNull(shipments.trackingId)))
      .orderBy(asc(shipments.bookedAt))
      .limit(limit);
  }

  /** Undelivered booked shipments not polled since `before`, across tenants, leased by stamping the poll time. */
  async claimForPolling(tx: Tx, before: Date, now: Date, limit: number): Promise<ShipmentRow[]> {
    await enterJobScope(tx);
    const due = await tx
      .select({ id: shipments.id })
      .from(shipments)
      .where(
        and(
          isNotNull(shipments.consignmentId),
          notInArray(shipments.status, ['pending', ...FINAL_STATUSES]),
          or(isNull(shipments.lastPolledAt), lt(shipments.lastPolledAt, before)),
        ),
      )
      .orderBy(asc(shipments.lastPolledAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(shipments)
      .set({ lastPolledAt: now })
      .where(
        inArray(
          shipments.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  }
}
