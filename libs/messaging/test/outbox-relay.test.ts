import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@haat/database';
import { addToOutbox } from '../src/outbox/outbox.writer.js';
import { envelope } from '../src/envelope/event-envelope.builder.js';
import { outboxStats } from '../src/outbox/outbox-stats.query.js';
import { OutboxRelay, type OutboxRelayOptions } from '../src/relay/outbox-relay.js';
import { InProcessTransport } from '../src/transport/in-process.transport.js';
import { registerConsumer } from '../src/consumer/register-consumer.js';
import type { EventConsumer } from '../src/consumer/event-consumer.js';
import { outboxEvents, widgets } from './fixtures/messaging-test.schema.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { quietLogger } from './support/quiet-logger.js';
import { uniqueWidgetEvent, type WidgetEvent } from './support/test-events.js';
import { waitFor } from './support/wait-for.js';
import {
  createWidget,
  createWidgets,
  effectCount,
  recordEffect,
  tenantId,
} from './support/widget-producer.js';

describe('the outbox relay', () => {
  let testDb: TestDatabase;
  let database: Database;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = testDb.database;
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  afterAll(async () => {
    await testDb?.drop();
  });

  function relay(transport: InProcessTransport, options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
    const created = new OutboxRelay({ database, transport, logger: quietLogger, ...options });
    cleanups.push(() => created.stop());
    return created;
  }

  async function pipeline(
    event: WidgetEvent,
    name: string,
    handlerDelayMs = 0,
  ): Promise<{ transport: InProcessTransport; consumer: EventConsumer }> {
    const transport = new InProcessTransport({ logger: quietLogger });
    cleanups.push(() => transport.close());
    const consumer = await registerConsumer({
      transport,
      database,
      consumer: name,
      events: [event],
      logger: quietLogger,
      handle: async (_ctx, received, tx) => {
        if (handlerDelayMs) await sleep(handlerDelayMs);
        await recordEffect(tx, name, received.id);
      },
    });
    cleanups.push(() => consumer.stop());
    return { transport, consumer };
  }

  it('publishes a committed event at once, woken by its notification rather than the poll', async () => {
    const event = uniqueWidgetEvent('notify');
    const { transport } = await pipeline(event, 'relay.notify');
    await relay(transport, { pollIntervalMs: 60_000 }).start();
    await sleep(100);

    const started = Date.now();
    const sent = await createWidget(database, event);
    await waitFor(
      'the effect',
      async () => (await effectCount(database, 'relay.notify', [sent.id])) === 1,
      3_000,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('publishes nothing for a transaction that rolled back', async () => {
    const event = uniqueWidgetEvent('rollback');
    const { transport } = await pipeline(event, 'relay.rollback');
    await relay(transport, { pollIntervalMs: 100 }).start();

    const doomed = envelope(
      event,
      { tenantId },
      {
        aggregateType: 'widget',
        aggregateId: tenantId,
        payload: { widgetId: tenantId, name: 'never' },
      },
    );
    const failure = await database
      .withTenant(tenantId, async (tx) => {
        await tx.insert(widgets).values({ id: tenantId, name: 'never' });
        await addToOutbox(tx, doomed);
        throw new Error('the business rule said no');
      })
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    const marker = await createWidget(database, event);

    await waitFor(
      'the committed event',
      async () => (await effectCount(database, 'relay.rollback', [marker.id])) === 1,
    );
    await sleep(300);
    expect(await effectCount(database, 'relay.rollback')).toBe(1);
    expect(await database.db.select().from(outboxEvents).where(eq(outboxEvents.id, doomed.id))).toEqual([]);
  });

  it('listens again after its LISTEN connection drops', async () => {
    const event = uniqueWidgetEvent('relisten');
    const { transport } = await pipeline(event, 'relay.relisten');
    await relay(transport, { pollIntervalMs: 60_000 }).start();
    const [first] = await testDb.backends('haat-outbox-listener');

    expect(await testDb.terminate('haat-outbox-listener')).toBe(1);
    await waitFor('a new listener connection', async () => {
      const now = await testDb.backends('haat-outbox-listener');
      return now.length === 1 && now[0] !== first;
    });
    await sleep(100);

    const started = Date.now();
    const sent = await createWidget(database, event);
    await waitFor(
      'the effect',
      async () => (await effectCount(database, 'relay.relisten', [sent.id])) === 1,
      3_000,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('shares the outbox between relays without publishing any event twice', async () => {
    const event = uniqueWidgetEvent('shared');
    const { transport } = await pipeline(event, 'relay.shared', 2);
    const sent = await createWidgets(database, event, 300);
    const published = [0, 0];
    const relays = [0, 1].map((i) =>
      relay(transport, {
        batchSize: 25,
        pollIntervalMs: 100,
        onPublished: () => {
          published[i] = (published[i] ?? 0) + 1;
        },
      }),
    );
    await Promise.all(relays.map((r) => r.start()));

    await waitFor('300 effects', async () => (await effectCount(database, 'relay.shared')) === 300, 30_000);
    // A relay reports a batch once its transaction marked it sent, just after the effects land.
    await waitFor('300 reported publishes', async () => (published[0] ?? 0) + (published[1] ?? 0) >= 300, 10_000);
    await sleep(500);
    expect(published[0]).toBeGreaterThan(0);
    expect(published[1]).toBeGreaterThan(0);
    expect((published[0] ?? 0) + (published[1] ?? 0)).toBe(300);
    expect(
      await effectCount(
        database,
        'relay.shared',
        sent.map((e) => e.id),
      ),
    ).toBe(300);
  });

  it('returns from stop only after the batch in flight is published and recorded', async () => {
    const event = uniqueWidgetEvent('stop');
    const { transport } = await pipeline(event, 'relay.stop', 500);
    const running = relay(transport, { pollIntervalMs: 100 });
    await running.start();
    const sent = await createWidget(database, event);
    await waitFor('the batch to be in flight', async () => {
      const [row] = await database.db.select().from(outboxEvents).where(eq(outboxEvents.id, sent.id));
      return row !== undefined && (await effectCount(database, 'relay.stop')) === 0;
    });
    await sleep(150);

    await running.stop();
    const [row] = await database.db.select().from(outboxEvents).where(eq(outboxEvents.id, sent.id));
    expect(row?.status).toBe('sent');
    expect(await effectCount(database, 'relay.stop', [sent.id])).toBe(1);
  });

  it('reports how many events wait and for how long', async () => {
    const event = uniqueWidgetEvent('lag');
    const { transport } = await pipeline(event, 'relay.lag');
    await createWidgets(database, event, 3);
    await sleep(1_100);

    const waiting = await outboxStats(database);
    expect(waiting.pending).toBe(3);
    expect(waiting.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(1);
    expect(waiting.oldestPendingAgeSeconds).toBeLessThan(60);

    await relay(transport, { pollIntervalMs: 100 }).start();
    await waitFor('an empty outbox', async () => (await outboxStats(database)).pending === 0);
    expect(await outboxStats(database)).toEqual({ pending: 0, oldestPendingAgeSeconds: 0 });
  });
});
