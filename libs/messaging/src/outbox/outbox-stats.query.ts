import { sql } from 'drizzle-orm';
import type { Database } from '@haat/database';

export interface OutboxStats {
  /** Events written but not yet accepted by the broker. */
  pending: number;
  /** Age of the oldest of them; 0 when none is pending. */
  oldestPendingAgeSeconds: number;
}

/** The outbox lag, for a gauge: how much is waiting and for how long. */
export async function outboxStats(database: Database): Promise<OutboxStats> {
  const result = await database.db.execute<{ pending: number; age: number | null }>(sql`
    select count(*)::int as pending,
           extract(epoch from now() - min(created_at))::float8 as age
      from outbox_events
     where status = 'pending'`);
  const row = result.rows[0];
  return { pending: row?.pending ?? 0, oldestPendingAgeSeconds: Math.max(0, row?.age ?? 0) };
}
