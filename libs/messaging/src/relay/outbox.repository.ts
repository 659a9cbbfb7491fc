import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbExecutor } from '@haat/database';
import { outboxEvents } from '../tables/outbox-events.table.js';

export const claimColumns = {
  id: outboxEvents.id,
  aggregateType: outboxEvents.aggregateType,
  aggregateId: outboxEvents.aggregateId,
  eventType: outboxEvents.eventType,
  attempts: outboxEvents.attempts,
  payload: outboxEvents.payload,
};

export type ClaimedOutboxRow = {
  [K in keyof typeof claimColumns]: (typeof claimColumns)[K]['_']['data'];
};

/**
 * Locks up to `limit` publishable rows, oldest first, for the rest of `tx`. Rows locked by
 * another relay are skipped, not waited for: relays share the work. A crashed relay's locks go
 * with its connection, so its rows are claimable again at once.
 */
export function claimPending(tx: DbExecutor, limit: number): Promise<ClaimedOutboxRow[]> {
  return tx
    .select(claimColumns)
    .from(outboxEvents)
    .where(and(eq(outboxEvents.status, 'pending'), lte(outboxEvents.availableAt, sql`now()`)))
    .orderBy(asc(outboxEvents.createdAt), asc(outboxEvents.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markSent(tx: DbExecutor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(outboxEvents)
    .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
    .where(inArray(outboxEvents.id, [...ids]));
}

/** Counts a failed publish and holds the row back for `delayMs`. */
export async function markFailed(tx: DbExecutor, id: string, error: string, delayMs: number): Promise<void> {
  await tx
    .update(outboxEvents)
    .set({
      attempts: sql`${outboxEvents.attempts} + 1`,
      lastError: error,
      availableAt: sql`now() + ${delayMs} * interval '1 millisecond'`,
    })
    .where(eq(outboxEvents.id, id));
}

/** Holds rows back without counting an attempt: they wait behind a failed row of their aggregate. */
export async function deferRows(tx: DbExecutor, ids: readonly string[], delayMs: number): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(outboxEvents)
    .set({ availableAt: sql`now() + ${delayMs} * interval '1 millisecond'` })
    .where(inArray(outboxEvents.id, [...ids]));
}
