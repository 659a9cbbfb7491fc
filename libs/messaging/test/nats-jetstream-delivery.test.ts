import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { jetstream, jetstreamManager, StorageType } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@haat/database';
import { OutboxRelay } from '../src/relay/outbox-relay.js';
import { NatsJetStreamTransport } from '../src/transport/nats-jetstream.transport.js';
import { NatsNaming } from '../src/transport/nats-naming.js';
import type { EventTransport } from '../src/transport/event-transport.js';
import { registerConsumer } from '../src/consumer/register-consumer.js';
import type { EventConsumer } from '../src/consumer/event-consumer.js';
import { deadLetters, outboxEvents } from './fixtures/messaging-test.schema.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { quietLogger } from './support/quiet-logger.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { uniqueWidgetEvent, type WidgetEvent } from './support/test-events.js';
import { NATS_URL, natsHarness } from './support/transport-harness.js';
import { waitFor } from './support/wait-for.js';
import { createWidget, createWidgets, effectCount, recordEffect } from './support/widget-producer.js';

describe('NATS JetStream delivery', () => {
  let testDb: TestDatabase;
  let database: Database;
  let harness: ReturnType<typeof natsHarness>;
  let relay: OutboxRelay;
  let raw: NatsConnection;
  const consumers: EventConsumer[] = [];
  const proxies: TcpProxy[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = testDb.database;
    harness = natsHarness();
    relay = new OutboxRelay({
      database,
      transport: await harness.transport(),
      pollIntervalMs: 200,
      logger: quietLogger,
    });
    await relay.start();
    raw = await connect({ servers: NATS_URL });
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop();
    await relay?.stop();
    await raw?.close();
    await harness?.cleanup();
    for (const proxy of proxies) await proxy.stop();
    await testDb?.drop();
  });

  async function startProxy(): Promise<TcpProxy> {
    const url = new URL(NATS_URL);
    const proxy = new TcpProxy(url.hostname, Number(url.port || 4222));
    await proxy.start();
    proxies.push(proxy);
    return proxy;
  }

  async function consume(
    transport: EventTransport,
    name: string,
    events: readonly WidgetEvent[],
    onHandled?: () => void,
  ): Promise<EventConsumer> {
    const consumer = await registerConsumer({
      transport,
      database,
      consumer: name,
      events,
      logger: quietLogger,
      handle: (_ctx, received, tx) => recordEffect(tx, name, received.id),
      onHandled: (_consumer, outcome) => {
        if (outcome === 'handled') onHandled?.();
      },
    });
    consumers.push(consumer);
    return consumer;
  }

  it('shares a durable consumer between processes, each event handled by one of them', async () => {
    const event = uniqueWidgetEvent('queue');
    const handledBy = [0, 0];
    for (const i of [0, 1]) {
      await consume(await harness.transport({ concurrency: 4 }), 'nats.queue', [event], () => {
        handledBy[i] = (handledBy[i] ?? 0) + 1;
      });
    }
    const sent = await createWidgets(database, event, 200);

    await waitFor('200 effects', async () => (await effectCount(database, 'nats.queue')) === 200, 30_000);
    await sleep(300);
    expect(
      await effectCount(
        database,
        'nats.queue',
        sent.map((e) => e.id),
      ),
    ).toBe(200);
    expect(handledBy[0]).toBeGreaterThan(0);
    expect(handledBy[1]).toBeGreaterThan(0);
    expect((handledBy[0] ?? 0) + (handledBy[1] ?? 0)).toBe(200);
  });

  it('resumes consuming after its connection drops', async () => {
    const event = uniqueWidgetEvent('drop');
    const proxy = await startProxy();
    let handled = 0;
    await consume(
      await harness.transport({ servers: proxy.url, concurrency: 4 }),
      'nats.drop',
      [event],
      () => {
        handled += 1;
      },
    );
    const producing = createWidgets(database, event, 150);
    await waitFor('some events handled', () => handled >= 20);
    proxy.dropConnections();
    await producing;

    await waitFor('150 effects', async () => (await effectCount(database, 'nats.drop')) === 150, 30_000);
    await sleep(500);
    expect(await effectCount(database, 'nats.drop')).toBe(150);
  });

  it('creates one file-backed stream per domain, idempotently across processes', async () => {
    const prefix = `haat-test-streams-${process.pid}`;
    const naming = new NatsNaming(prefix);
    const transports = await Promise.all(
      [0, 1, 2].map(() =>
        NatsJetStreamTransport.connect({
          servers: NATS_URL,
          prefix,
          domains: ['order', 'payment'],
          logger: quietLogger,
        }),
      ),
    );
    const jsm = await jetstreamManager(raw);
    try {
      const order = await jsm.streams.info(naming.stream('order'));
      expect(order.config.subjects).toEqual([`${prefix}.order.>`]);
      expect(order.config.storage).toBe(StorageType.File);
      expect(order.config.duplicate_window).toBe(120_000_000_000);
      expect((await jsm.streams.info(naming.stream('payment'))).config.subjects).toEqual([
        `${prefix}.payment.>`,
      ]);
    } finally {
      for (const t of transports) await t.close();
      for (const domain of ['order', 'payment']) await jsm.streams.delete(naming.stream(domain));
    }
  });

  it('handles several types of one domain with one durable and acks the types it does not handle', async () => {
    const [wanted, alsoWanted, other] = [
      uniqueWidgetEvent('multi-a'),
      uniqueWidgetEvent('multi-b'),
      uniqueWidgetEvent('multi-c'),
    ];
    await consume(await harness.transport(), 'nats.multi', [wanted, alsoWanted]);
    const sent = [
      await createWidget(database, wanted),
      await createWidget(database, other),
      await createWidget(database, alsoWanted),
    ];

    await waitFor('two effects', async () => (await effectCount(database, 'nats.multi')) === 2);
    const jsm = await jetstreamManager(raw);
    const stream = harness.naming.stream('widget');
    await waitFor('the consumer to be drained', async () => {
      const info = await jsm.consumers.info(stream, harness.naming.durable('nats.multi'));
      return info.num_pending === 0 && info.num_ack_pending === 0;
    });
    const info = await jsm.consumers.info(stream, harness.naming.durable('nats.multi'));
    expect(info.config.filter_subject).toBe(harness.naming.domainSubjects('widget'));
    expect(await effectCount(database, 'nats.multi', [sent[1]?.id ?? ''])).toBe(0);
  });

  it('dead-letters a message that is not an envelope and carries on', async () => {
    const event = uniqueWidgetEvent('garbage');
    const transport = await harness.transport();
    await consume(transport, 'nats.garbage', [event]);
    await jetstream(raw).publish(harness.naming.subject(event.type), '{"hello": "not an envelope"');
    const next = await createWidget(database, event);

    await waitFor('the dead letter', async () => (await lettersOf('nats.garbage')).length === 1);
    const [letter] = await lettersOf('nats.garbage');
    expect(letter?.error).toMatch(/^MESSAGING_ENVELOPE_INVALID/);
    expect(letter?.eventId).toMatch(/^sha256:/);
    expect(letter?.envelope).toBe('{"hello": "not an envelope"');
    await waitFor(
      'the next event',
      async () => (await effectCount(database, 'nats.garbage', [next.id])) === 1,
    );
  });

  it('keeps events in the outbox while NATS is unreachable and publishes them once it is back', async () => {
    const event = uniqueWidgetEvent('outage');
    await consume(await harness.transport(), 'nats.outage', [event]);
    const proxy = await startProxy();
    const outageRelay = new OutboxRelay({
      database: testDb.connect('outage-relay'),
      transport: await harness.transport({ servers: proxy.url, publishTimeoutMs: 300 }),
      pollIntervalMs: 100,
      backoff: { initialMs: 200, maxMs: 400 },
      logger: quietLogger,
    });
    await relay.stop();
    await outageRelay.start();
    try {
      proxy.refuse();
      const sent = await createWidget(database, event);
      await waitFor('failed attempts to be recorded', async () => {
        const [row] = await database.db.select().from(outboxEvents).where(eq(outboxEvents.id, sent.id));
        return row !== undefined && row.attempts >= 2 && row.status === 'pending' && row.lastError !== null;
      });
      expect(await effectCount(database, 'nats.outage')).toBe(0);

      proxy.accept();
      await waitFor(
        'the event after the outage',
        async () => (await effectCount(database, 'nats.outage', [sent.id])) === 1,
        20_000,
      );
      // The consumer may handle it a moment before the relay commits "sent".
      await waitFor('the row marked sent', async () => {
        const [row] = await database.db.select().from(outboxEvents).where(eq(outboxEvents.id, sent.id));
        return row?.status === 'sent';
      });
    } finally {
      await outageRelay.stop();
      await relay.start();
    }
  });

  function lettersOf(consumer: string) {
    return database.db.select().from(deadLetters).where(eq(deadLetters.consumer, consumer));
  }
});
