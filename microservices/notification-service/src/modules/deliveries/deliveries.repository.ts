import { Injectable } from '@nestjs/common';
import type { NotificationChannel, NotificationRecipient } from '@haat/contracts';
import type { DbExecutor, Tx } from '@haat/database';
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import {
  deliveries,
  type DeliveryAttemptRow,
  deliveryAttempts,
  deliveryQueue,
  type DeliveryRow,
  type DeliveryStatus,
} from './deliveries.schema.js';

/** The channel a committed new delivery wakes the workers on. */
export const DELIVERY_CHANNEL = 'haat_notification_deliveries';

export type NewDelivery = Omit<typeof deliveries.$inferInsert, 'createdAt' | 'updatedAt'>;

export interface DeliveryFilter {
  status?: DeliveryStatus;
  channel?: NotificationChannel;
  recipientKind?: NotificationRecipient['kind'];
  recipientRef?: string;
  beforeId?: string;
}

/** What a finished send changes on its delivery. */
export interface DeliveryUpdate {
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  provider: string | null;
  providerMessageId: string | null;
  finished: boolean;
  redact: boolean;
}

/** The only code touching `deliveries`, `delivery_attempts` and (for one delivery) `delivery_queue`. */
@Injectable()
export class DeliveriesRepository {
  /**
   * Inserts a delivery unless one with its dedupe key exists; a pending one is queued and wakes
   * the workers when the transaction commits. Undefined when it already existed.
   */
  async insert(tx: Tx, row: NewDelivery): Promise<DeliveryRow | undefined> {
    const [created] = await tx
      .insert(deliveries)
      .values(row)
      .onConflictDoNothing({ target: [deliveries.tenantId, deliveries.dedupeKey] })
      .returning();
    if (!created) return undefined;
    if (created.status === 'pending') {
      await tx.insert(deliveryQueue).values({ deliveryId: created.id, tenantId: created.tenantId });
      await tx.execute(sql`select pg_notify(${DELIVERY_CHANNEL}, '')`);
    }
    return created;
  }

  async find(db: DbExecutor, tenantId: string, id: string): Promise<DeliveryRow | undefined> {
    const [row] = await db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.tenantId, tenantId), eq(deliveries.id, id)));
    return row;
  }

  /** `limit + 1` deliveries, newest first. */
  list(db: DbExecutor, tenantId: string, filter: DeliveryFilter, limit: number): Promise<DeliveryRow[]> {
    return db
      .select()
      .from(deliveries)
      .where(
        and(
          eq(deliveries.tenantId, tenantId),
          filter.status ? eq(deliveries.status, filter.status) : undefined,
          filter.channel ? eq(deliveries.channel, filter.channel) : undefined,
          filter.recipientKind ? eq(deliveries.recipientKind, filter.recipientKind) : undefined,
          filter.recipientRef ? eq(deliveries.recipientRef, filter.recipientRef) : undefined,
          filter.beforeId ? lt(deliveries.id, filter.beforeId) : undefined,
        ),
      )
      .orderBy(desc(deliveries.id))
      .limit(limit + 1);
  }

  attempts(db: DbExecutor, tenantId: string, deliveryId: string): Promise<DeliveryAttemptRow[]> {
    return db
      .select()
      .from(deliveryAttempts)
      .where(and(eq(deliveryAttempts.tenantId, tenantId), eq(deliveryAttempts.deliveryId, deliveryId)))
      .orderBy(asc(deliveryAttempts.attempt));
  }

  async recordAttempt(tx: Tx, row: typeof deliveryAttempts.$inferInsert): Promise<void> {
    await tx.insert(deliveryAttempts).values(row).onConflictDoNothing();
  }

  /**
   * Applies the outcome of a send to a delivery still pending after `attemptsBefore` attempts;
   * undefined when another worker got there first. Schedules or unqueues it accordingly.
   */
  async applyOutcome(
    tx: Tx,
    row: Pick<DeliveryRow, 'id' | 'tenantId'>,
    attemptsBefore: number,
    update: DeliveryUpdate,
  ): Promise<DeliveryRow | undefined> {
    const [updated] = await tx
      .update(deliveries)
      .set({
        status: update.status,
        attempts: update.attempts,
        nextAttemptAt: update.nextAttemptAt,
        lastError: update.lastError,
        provider: update.provider,
        providerMessageId: update.providerMessageId,
        updatedAt: sql`now()`,
        ...(update.finished ? { finishedAt: sql`now()` } : {}),
        ...(update.redact ? { subject: null, body: null, html: null, redactedAt: sql`now()` } : {}),
      })
      .where(
        and(
          eq(deliveries.tenantId, row.tenantId),
          eq(deliveries.id, row.id),
          eq(deliveries.status, 'pending'),
          eq(deliveries.attempts, attemptsBefore),
        ),
      )
      .returning();
    if (!updated) return undefined;
    if (update.status === 'pending' && update.nextAttemptAt) {
      await tx
        .update(deliveryQueue)
        .set({ dueAt: update.nextAttemptAt })
        .where(eq(deliveryQueue.deliveryId, row.id));
    } else {
      await tx.delete(deliveryQueue).where(eq(deliveryQueue.deliveryId, row.id));
    }
    return updated;
  }

  /** Puts a failed or dead delivery back in the queue with a fresh set of attempts. */
  async requeue(tx: Tx, tenantId: string, id: string): Promise<DeliveryRow | undefined> {
    const [row] = await tx
      .update(deliveries)
      .set({
        status: 'pending',
        attempts: 0,
        nextAttemptAt: sql`now()`,
        finishedAt: null,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(deliveries.tenantId, tenantId),
          eq(deliveries.id, id),
          sql`${deliveries.status} in ('failed', 'dead')`,
          sql`${deliveries.redactedAt} is null`,
        ),
      )
      .returning();
    if (!row) return undefined;
    await tx
      .insert(deliveryQueue)
      .values({ deliveryId: id, tenantId })
      .onConflictDoUpdate({ target: deliveryQueue.deliveryId, set: { dueAt: sql`now()` } });
    await tx.execute(sql`select pg_notify(${DELIVERY_CHANNEL}, '')`);
    return row;
  }
}
