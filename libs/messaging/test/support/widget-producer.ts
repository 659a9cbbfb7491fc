import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { newId } from '@haat/common';
import type { EventEnvelope } from '@haat/contracts';
import type { Database, Tx } from '@haat/database';
import { addToOutbox } from '../../src/outbox/outbox.writer.js';
import { envelope } from '../../src/envelope/event-envelope.builder.js';
import { effects, widgets } from '../fixtures/messaging-test.schema.js';
import type { WidgetEvent } from './test-events.js';

export const tenantId = newId();
export const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

/** A business transaction: one widget row and its event in the outbox. Returns the envelope. */
export async function createWidget(
  database: Database,
  event: WidgetEvent,
  name = 'sprocket',
): Promise<EventEnvelope> {
  const widgetId = newId();
  const built = envelope(
    event,
    { tenantId, traceparent },
    {
      aggregateType: 'widget',
      aggregateId: widgetId,
      payload: { widgetId, name },
    },
  );
  await database.withTenant(tenantId, async (tx) => {
    await tx.insert(widgets).values({ id: widgetId, name });
    await addToOutbox(tx, built);
  });
  return built;
}

export async function createWidgets(
  database: Database,
  event: WidgetEvent,
  n: number,
): Promise<EventEnvelope[]> {
  const created: EventEnvelope[] = [];
  for (let i = 0; i < n; i++) created.push(await createWidget(database, event, `widget-${i}`));
  return created;
}

export async function effectCount(
  database: Database,
  consumer: string,
  eventIds?: readonly string[],
): Promise<number> {
  const [row] = await database.db
    .select({ n: count() })
    .from(effects)
    .where(
      and(eq(effects.consumer, consumer), eventIds ? inArray(effects.eventId, [...eventIds]) : undefined),
    );
  return row?.n ?? 0;
}

/** A handler's effect, written in its transaction; the tenant is read back from the transaction. */
export async function recordEffect(
  tx: Tx,
  consumer: string,
  eventId: string,
  attempt?: number,
): Promise<void> {
  await tx.insert(effects).values({
    id: newId(),
    consumer,
    eventId,
    tenantId: sql`nullif(current_setting('app.tenant_id', true), '')::uuid`,
    attempt,
  });
}
