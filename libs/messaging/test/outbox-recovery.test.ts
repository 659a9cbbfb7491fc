import { setTimeout as sleep } from 'node:timers/promises';
import { count, countDistinct, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@haat/contracts';
import type { Database } from '@haat/database';
import { addToOutbox } from '../src/outbox/outbox.writer.js';
import { envelope } from '../src/envelope/event-envelope.builder.js';
import { OutboxRelay } from '../src/relay/outbox-relay.js';
import { outboxStats } from '../src/outbox/outbox-stats.query.js';
import { registerConsumer } from '../src/consumer/register-consumer.js';
import type { EventConsumer } from '../src/consumer/event-consumer.js';
import { effects, outboxEvents, widgets } from './fixtures/messaging-test.schema.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { quietLogger } from './support/quiet-logger.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { uniqueWidgetEvent } from './support/test-events.js';
import { NATS_URL, natsHarness } from './support/transport-harness.js';
import { waitFor } from './support/wait-for.js';
import { createWidget, recordEffect, tenantId } from './support/widget-producer.js';

const EVENTS = 1_000;
const PRODUCERS = 8;
const CONSUMER = 'recovery.record-widget';

describe('outbox recovery over NATS JetStream', () => {
  let testDb: TestDatabase;
  let database: Database;
  const harness = natsHarness();
  const proxies: TcpProxy[] = [];
  const relays: OutboxRelay[] = [];
  let consumer: EventConsumer | undefined;

  beforeAll(async () => {
    testDb = await createTestDatabase(30);
    database = testDb.database;
  });

  afterAll(async () => {
    await consumer?.stop();
    for (const relay of relays) await relay.stop();
    await harness.cleanup();
    for (const proxy of proxies) await proxy.stop();
    await testDb?.drop();
  });

  async function proxyToNats(): Promise<TcpProxy> {
    const target = new URL(NATS_URL);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 4222));
    await proxy.start();
    proxies.push(proxy);
    return proxy;
  }

  function startRelay(relayDatabase: Database, transport: Awaited<ReturnType<typeof harness.transport>>) {
    const relay = new OutboxRelay({
      database: relayDatabase,
      transport,
      pollIntervalMs: 200,
      backoff: { initialMs: 100, maxMs: 500 },
      logger: quietLogger,
    });
    relays.push(relay);
    return relay;
  }

  it('delivers each of 1,000 events exactly once across a killed relay and dropped connections, and nothing rolled back', async () => {
    const event = uniqueWidgetEvent('recovery');
    const consumerLink = await proxyToNats();
    const publisherLink = await proxyToNats();
    let handled = 0;
    consumer = await registerConsumer({
      transport: await harness.transport({ servers: consumerLink.url, ackWaitMs: 2_000, concurrency: 8 }),
      database,
      consumer: CONSUMER,
      events: [event],
      maxAttempts: 50,
      backoff: { initialMs: 50, maxMs: 500 },
      logger: quietLogger,
      handle: (_ctx, received, tx) => recordEffect(tx, CONSUMER, received.id),
      onHandled: (_name, outcome) => {
        if (outcome === 'handled') handled += 1;
      },
    });

    const firstRelay = startRelay(
      testDb.connect('recovery-relay-1'),
      await harness.transport({ servers: publisherLink.url, publishTimeoutMs: 1_000 }),
    );
    await firstRelay.start();

    const started = Date.now();
    const produced: EventEnvelope[] = [];
    let next = 0;
    const producing = Promise.all(
      Array.from({ length: PRODUCERS }, async () => {
        while (next < EVENTS) {
          next += 1;
          produced.push(await createWidget(database, event, `widget-${next}`));
        }
      }),
    );
    const rolledBack = envelope(
      event,
      { tenantId },
      {
        aggregateType: 'widget',
        aggregateId: tenantId,
        payload: { widgetId: tenantId, name: 'rolled-back' },
      },
    );
    const rollback = database
      .withTenant(tenantId, async (tx) => {
        await tx.insert(widgets).values({ id: tenantId, name: 'rolled-back' });
        await addToOutbox(tx, rolledBack);
        throw new Error('abandoned checkout');
      })
      .catch((err: unknown) => err);

    await waitFor('the stream to be flowing', () => handled >= 200, 20_000);
    // The crash: the relay stops mid-batch without being waited for, its database sessions
    // die (releasing its row locks), and both NATS links drop.
    const dying = firstRelay.stop();
    publisherLink.refuse();
    consumerLink.dropConnections();
    await testDb.terminate('recovery-relay-1');
    const handledAtCrash = handled;

    const secondRelay = startRelay(testDb.connect('recovery-relay-2'), await harness.transport());
    await secondRelay.start();
    await producing;
    expect(await rollback).toBeInstanceOf(Error);

    await waitFor(
      'every effect',
      async () => {
        const [row] = await database.db
          .select({ n: count() })
          .from(effects)
          .where(eq(effects.consumer, CONSUMER));
        return (row?.n ?? 0) >= EVENTS;
      },
      45_000,
    );
    await dying;
    await waitFor('the outbox to be marked sent', async () => (await outboxStats(database)).pending === 0);
    await sleep(500);

    const ids = produced.map((e) => e.id);
    expect(produced).toHaveLength(EVENTS);
    expect(handledAtCrash).toBeLessThan(EVENTS);
    const [tally] = await database.db
      .select({ rows: count(), distinct: countDistinct(effects.eventId) })
      .from(effects)
      .where(eq(effects.consumer, CONSUMER));
    expect(tally).toEqual({ rows: EVENTS, distinct: EVENTS });
    const [matched] = await database.db
      .select({ n: count() })
      .from(effects)
      .where(inArray(effects.eventId, ids));
    expect(matched?.n).toBe(EVENTS);
    const outbox = await database.db
      .select({ status: outboxEvents.status, n: count() })
      .from(outboxEvents)
      .groupBy(outboxEvents.status);
    expect(outbox).toEqual([{ status: 'sent', n: EVENTS }]);

    expect(await database.db.select().from(outboxEvents).where(eq(outboxEvents.id, rolledBack.id))).toEqual(
      [],
    );
    expect(await database.db.select().from(effects).where(eq(effects.eventId, rolledBack.id))).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
