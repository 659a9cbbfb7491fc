import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@haat/common';
import type { EventEnvelope } from '@haat/contracts';
import type { Database, Tx } from '@haat/database';
import type { RequestContext } from '@haat/tenant';
import { addToOutbox } from '../src/outbox/outbox.writer.js';
import { envelope } from '../src/envelope/event-envelope.builder.js';
import { OutboxRelay } from '../src/relay/outbox-relay.js';
import { InProcessTransport } from '../src/transport/in-process.transport.js';
import type { DeliveryVerdict } from '../src/transport/event-transport.js';
import { registerConsumer } from '../src/consumer/register-consumer.js';
import { outboxEvents } from './fixtures/messaging-test.schema.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { quietLogger } from './support/quiet-logger.js';
import { uniqueWidgetEvent, type WidgetPayload } from './support/test-events.js';
import { waitFor } from './support/wait-for.js';
import { createWidget, effectCount, recordEffect, tenantId } from './support/widget-producer.js';

const Ping = uniqueWidgetEvent('ping');

function ping(): EventEnvelope {
  const widgetId = newId();
  return envelope(
    Ping,
    { tenantId },
    { aggregateType: 'widget', aggregateId: widgetId, payload: { widgetId, name: 'p' } },
  );
}

describe('in-process delivery', () => {
  it('resolves a publish only once every consumer has finished, running them side by side', async () => {
    const transport = new InProcessTransport({ logger: quietLogger });
    const finished: string[] = [];
    for (const consumer of ['a.slow', 'b.slow']) {
      await transport.subscribe({
        consumer,
        eventTypes: [Ping.type],
        handler: async () => {
          await sleep(200);
          finished.push(consumer);
          return 'ack';
        },
      });
    }
    const started = Date.now();
    await transport.publish(ping());
    const elapsed = Date.now() - started;
    expect(finished.sort()).toEqual(['a.slow', 'b.slow']);
    expect(elapsed).toBeGreaterThanOrEqual(195);
    expect(elapsed).toBeLessThan(390);
    await transport.close();
  });

  it('retries inside the publish until the consumer accepts the event', async () => {
    const transport = new InProcessTransport({ logger: quietLogger });
    const attempts: number[] = [];
    await transport.subscribe({
      consumer: 'retrying',
      eventTypes: [Ping.type],
      handler: async (_message, delivery): Promise<DeliveryVerdict> => {
        attempts.push(delivery.attempt);
        return delivery.attempt < 3 ? { retryInMs: 20 } : 'ack';
      },
    });
    await transport.publish(ping());
    expect(attempts).toEqual([1, 2, 3]);
    await transport.close();
  });

  it('gives each consumer its own copy of the envelope', async () => {
    const transport = new InProcessTransport({ logger: quietLogger });
    const seen: unknown[] = [];
    for (const consumer of ['mutating', 'reading']) {
      await transport.subscribe({
        consumer,
        eventTypes: [Ping.type],
        handler: async (message) => {
          (message as { payload: { name: string } }).payload.name = consumer;
          seen.push(message);
          return 'ack';
        },
      });
    }
    const sent = ping();
    await transport.publish(sent);
    expect(sent.payload).toMatchObject({ name: 'p' });
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
    await transport.close();
  });

  it('holds publishes while paused, so consumers registered later still get them', async () => {
    const transport = new InProcessTransport({ paused: true, logger: quietLogger });
    let delivered = false;
    const published = transport.publish(ping()).then(() => delivered);
    await sleep(50);
    await transport.subscribe({
      consumer: 'late',
      eventTypes: [Ping.type],
      handler: async () => {
        delivered = true;
        return 'ack';
      },
    });
    transport.resume();
    expect(await published).toBe(true);
    await transport.close();
  });

  it('fails a publish still retrying when the transport closes, leaving it to the relay', async () => {
    const transport = new InProcessTransport({ logger: quietLogger });
    await transport.subscribe({
      consumer: 'never-ready',
      eventTypes: [Ping.type],
      handler: async () => ({ retryInMs: 10_000 }),
    });
    const published = transport.publish(ping()).catch((err: unknown) => err);
    await sleep(50);
    await transport.close();
    expect(await published).toMatchObject({ code: 'MESSAGING_TRANSPORT_CLOSED' });
  });

  it('abandons a publish held by a paused transport when its caller gives up', async () => {
    const transport = new InProcessTransport({ paused: true, logger: quietLogger });
    const giveUp = new AbortController();
    const published = transport.publish(ping(), { signal: giveUp.signal }).catch((err: unknown) => err);
    await sleep(20);
    giveUp.abort();
    expect(await published).toMatchObject({ code: 'MESSAGING_PUBLISH_ABORTED' });
    await transport.close();
  });

  it('abandons a publish between retries when its caller gives up, after the running handler', async () => {
    const transport = new InProcessTransport({ logger: quietLogger });
    let runs = 0;
    await transport.subscribe({
      consumer: 'stubborn',
      eventTypes: [Ping.type],
      handler: async () => {
        runs += 1;
        await sleep(100);
        return { retryInMs: 10_000 };
      },
    });
    const giveUp = new AbortController();
    const started = Date.now();
    const published = transport.publish(ping(), { signal: giveUp.signal }).catch((err: unknown) => err);
    await sleep(20);
    giveUp.abort();
    expect(await published).toMatchObject({ code: 'MESSAGING_PUBLISH_ABORTED' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(runs).toBe(1);
    await transport.close();
  });

  describe('with a relay', () => {
    let testDb: TestDatabase;
    let database: Database;

    beforeAll(async () => {
      testDb = await createTestDatabase();
      database = testDb.database;
    });

    afterAll(async () => {
      await testDb?.drop();
    });

    it('does not stall when consumers emit further events through the outbox', async () => {
      const [Placed, Reserved, Shipped] = [
        uniqueWidgetEvent('placed'),
        uniqueWidgetEvent('reserved'),
        uniqueWidgetEvent('shipped'),
      ];
      const transport = new InProcessTransport({ logger: quietLogger });
      const follow =
        (next: typeof Reserved) =>
        async (ctx: RequestContext, received: EventEnvelope<WidgetPayload>, tx: Tx) => {
          await addToOutbox(
            tx,
            envelope(next, ctx, {
              aggregateType: 'widget',
              aggregateId: received.aggregateId,
              payload: received.payload,
            }),
          );
        };
      const consumers = [
        await registerConsumer({
          transport,
          database,
          consumer: 'chain.reserve',
          events: [Placed],
          handle: follow(Reserved),
          logger: quietLogger,
        }),
        await registerConsumer({
          transport,
          database,
          consumer: 'chain.ship',
          events: [Reserved],
          handle: follow(Shipped),
          logger: quietLogger,
        }),
        await registerConsumer({
          transport,
          database,
          consumer: 'chain.record',
          events: [Shipped],
          logger: quietLogger,
          handle: (_ctx, received, tx) => recordEffect(tx, 'chain.record', received.id),
        }),
      ];
      const relay = new OutboxRelay({ database, transport, pollIntervalMs: 60_000, logger: quietLogger });
      await relay.start();

      for (let i = 0; i < 10; i++) await createWidget(database, Placed);
      await waitFor(
        'ten shipped events handled',
        async () => (await effectCount(database, 'chain.record')) === 10,
        10_000,
      );

      await relay.stop();
      for (const consumer of consumers) await consumer.stop();
      await transport.close();
    });

    it('stops promptly while a consumer waits to retry, and the event is delivered after a restart', async () => {
      const Flaky = uniqueWidgetEvent('restart');
      const transport = new InProcessTransport({ logger: quietLogger });
      let healthy = false;
      const consumer = await registerConsumer({
        transport,
        database,
        consumer: 'restart.record',
        events: [Flaky],
        backoff: { initialMs: 30_000, maxMs: 30_000 },
        logger: quietLogger,
        handle: async (_ctx, received, tx) => {
          if (!healthy) throw new Error('not yet');
          await recordEffect(tx, 'restart.record', received.id);
        },
      });
      const first = new OutboxRelay({ database, transport, pollIntervalMs: 100, logger: quietLogger });
      await first.start();
      const sent = await createWidget(database, Flaky);
      await sleep(300);

      const stopping = Date.now();
      await first.stop();
      expect(Date.now() - stopping).toBeLessThan(2_000);
      const [row] = await database.db.select().from(outboxEvents).where(eq(outboxEvents.id, sent.id));
      expect(row).toMatchObject({ status: 'pending', attempts: 0 });

      healthy = true;
      const second = new OutboxRelay({ database, transport, pollIntervalMs: 100, logger: quietLogger });
      await second.start();
      await waitFor(
        'the effect after the restart',
        async () => (await effectCount(database, 'restart.record', [sent.id])) === 1,
      );
      await second.stop();
      await consumer.stop();
      await transport.close();
    });
  });
});
