import { and, count, desc, eq, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { decodeCursor, newId, toPage, type Page } from '@haat/common';
import type { Database, DbExecutor } from '@haat/database';
import { deadLetters, type DeadLetterRow } from '../tables/dead-letters.table.js';

/** A dead letter as listed and replayed. */
export type DeadLetter = DeadLetterRow;

export interface NewDeadLetter {
  consumer: string;
  eventId: string;
  eventType: string | null;
  envelope: unknown;
  error: string;
  attempts: number;
}

/** Records that `consumer` gave up on an event; a second failure of the same event updates the row. */
export async function recordDeadLetter(db: DbExecutor, letter: NewDeadLetter): Promise<void> {
  await db
    .insert(deadLetters)
    .values({ id: newId(), ...letter })
    .onConflictDoUpdate({
      target: [deadLetters.consumer, deadLetters.eventId],
      set: {
        envelope: sql`excluded.envelope`,
        error: sql`excluded.error`,
        attempts: sql`greatest(${deadLetters.attempts}, excluded.attempts)`,
        lastFailedAt: sql`now()`,
      },
    });
}

export type DeadLetterState = 'open' | 'replayed' | 'all';

export interface ListDeadLettersQuery {
  consumer?: string;
  /** `open` (default): not replayed yet. */
  state?: DeadLetterState;
  limit?: number;
  cursor?: string;
}

const CursorSchema = z.object({ id: z.string().uuid() });

/** Dead letters, newest first, cursor-paginated. */
export async function listDeadLetters(
  database: Database,
  query: ListDeadLettersQuery = {},
): Promise<Page<DeadLetter>> {
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  const after = decodeCursor(query.cursor, CursorSchema);
  const where = and(...filters(query), after ? lt(deadLetters.id, after.id) : undefined);
  const rows = await database.db
    .select()
    .from(deadLetters)
    .where(where)
    .orderBy(desc(deadLetters.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => ({ id: row.id }),
    (row) => row,
  );
}

/** How many dead letters there are (by default the open ones), for a gauge or an alert. */
export async function deadLetterCount(
  database: Database,
  query: Pick<ListDeadLettersQuery, 'consumer' | 'state'> = {},
): Promise<number> {
  const [row] = await database.db
    .select({ n: count() })
    .from(deadLetters)
    .where(and(...filters(query)));
  return row?.n ?? 0;
}

export async function findDeadLetter(db: DbExecutor, id: string): Promise<DeadLetter | undefined> {
  const [row] = await db.select().from(deadLetters).where(eq(deadLetters.id, id));
  return row;
}

export async function markDeadLetterReplayed(db: DbExecutor, id: string): Promise<void> {
  await db
    .update(deadLetters)
    .set({ replayedAt: sql`now()` })
    .where(eq(deadLetters.id, id));
}

export async function recordReplayFailure(db: DbExecutor, id: string, error: string): Promise<void> {
  await db
    .update(deadLetters)
    .set({ error, attempts: sql`${deadLetters.attempts} + 1`, lastFailedAt: sql`now()` })
    .where(eq(deadLetters.id, id));
}

function filters(query: Pick<ListDeadLettersQuery, 'consumer' | 'state'>): (SQL | undefined)[] {
  const state = query.state ?? 'open';
  return [
    query.consumer === undefined ? undefined : eq(deadLetters.consumer, query.consumer),
    state === 'open'
      ? isNull(deadLetters.replayedAt)
      : state === 'replayed'
        ? isNotNull(deadLetters.replayedAt)
        : undefined,
  ];
}
