import { sql } from 'drizzle-orm';
import { EventEnvelopeSchema, type EventEnvelope } from '@haat/contracts';
import type { Tx } from '@haat/database';
import { outboxEvents } from '../tables/outbox-events.table.js';

/** The channel the relay listens on. NOTIFY is transactional: sent only when the writer commits. */
export const OUTBOX_CHANNEL = 'haat_outbox';

/**
 * Writes events to the outbox inside the caller's transaction, so they exist exactly when the
 * business change does, and wakes the relay once the transaction commits. A rolled-back
 * transaction leaves neither the rows nor the notification.
 */
export async function addToOutbox(tx: Tx, events: EventEnvelope | readonly EventEnvelope[]): Promise<void> {
  const list = isEventList(events) ? events : [events];
  if (list.length === 0) return;
  const rows = list.map((event) => {
    const checked = EventEnvelopeSchema.parse(event);
    return {
      id: checked.id,
      tenantId: checked.tenantId,
      aggregateType: checked.aggregateType,
      aggregateId: checked.aggregateId,
      eventType: checked.type,
      payload: checked,
      traceparent: checked.traceparent ?? null,
    };
  });
  // One statement, one round trip: a data-modifying CTE always runs to completion.
  await tx.execute(
    sql`with inserted as (${tx.insert(outboxEvents).values(rows).getSQL()}) select pg_notify(${OUTBOX_CHANNEL}, '')`,
  );
}

function isEventList(events: EventEnvelope | readonly EventEnvelope[]): events is readonly EventEnvelope[] {
  return Array.isArray(events);
}

/** `addToOutbox` as an object, for code that takes its outbox as a dependency. */
export class Outbox {
  add(tx: Tx, events: EventEnvelope | readonly EventEnvelope[]): Promise<void> {
    return addToOutbox(tx, events);
  }
}
