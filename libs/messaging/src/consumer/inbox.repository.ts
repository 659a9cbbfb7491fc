import type { Tx } from '@haat/database';
import { inboxEvents } from '../tables/inbox-events.table.js';

/**
 * Claims `(consumer, eventId)` in the consumer's transaction. False when the event was already
 * handled; a concurrent delivery of the same event waits here until the first one commits or
 * rolls back.
 */
export async function claimInboxEntry(
  tx: Tx,
  consumer: string,
  eventId: string,
  eventType: string,
): Promise<boolean> {
  const inserted = await tx
    .insert(inboxEvents)
    .values({ consumer, eventId, eventType })
    .onConflictDoNothing()
    .returning({ eventId: inboxEvents.eventId });
  return inserted.length > 0;
}
