import { setTimeout as sleep } from 'node:timers/promises';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@haat/contracts';
import type { Database, Tx } from '@haat/database';
import type { RequestContext } from '@haat/tenant';
import { addToOutbox } from '../src/outbox/outbox.writer.js';
import { envelope } from '../src/envelope/event-envelope.builder.js';
import { OutboxRelay } from '../src/relay/outbox-relay.js';
import type { EventTransport } from '../src/transport/event-transport.js';
import type { ConsumerOutcome, EventConsumer } from '../src/consumer/event-consumer.js';
import { registerConsumer } from '../src/consumer/register-consumer.js';
import { deadLetterCount, listDeadLetters } from '../src/dead-letters/dead-letter.repository.js';
import { replayDeadLetter } from '../src/dead-letters/dead-letter-replay.js';
import { deadLetters, effects, outboxEvents } from './fixtures/messaging-test.schema.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { quietLogger } from './support/quiet-logger.js';
import { uniqueWidgetEvent, type WidgetEvent, type WidgetPayload } from './support/test-events.js';
import type { TransportHarness } from './support/transport-harness.js';
import { waitFor } from './support/wait-for.js';
import {
  createWidget,
  createWidgets,
  effectCount,
  recordEffect,
  tenantId,
  traceparent,
} from './support/widget-producer.js';

type Handle = (ctx: RequestContext, event: EventEnvelope<WidgetPayload>, tx: Tx) => Promise<void>;

/**
 * What every transport must do for the outbox → relay → consumer → inbox pipeline. Called by
 * one test file per transport.
 */
export function describeTransportContract(makeHarness: () => TransportHarness): void {
  const harness = makeHarness();

  describe(`the event pipeline over ${harness.name}`, () => {
    let testDb: TestDatabase;
    let database: Database;
    let relay: OutboxRelay;
    let consumerTransport: EventTransport;
    const started: EventConsumer[] = [];
    let consumerSeq = 0;

    beforeAll(async () => {
      testDb = await createTestDatabase();
      database = testDb.database;
      relay = new OutboxRelay({
        database,
        transport: await harness.transport(),
        pollIntervalMs: 200,
        backoff: { initialMs: 50, maxMs: 200 },
        logger: quietLogger,
      });
      await relay.start();
      consumerTransport = await harness.transport();
    });

    afterAll(async () => {
      for (const consumer of started) await consumer.stop();
      await relay?.stop();
      await harness.cleanup();
      await testDb?.drop();
    });

    async function consume(
      event: WidgetEvent,
      handle: Handle,
      options: {
        maxAttempts?: number;
        outcomes?: { outcome: ConsumerOutcome; eventId: string | null }[];
      } = {},
    ) {
      consumerSeq += 1;
      const name = `contract.effect-${consumerSeq}`;
      const consumer = await registerConsumer({
        transport: consumerTransport,
        database,
        consumer: name,
        events: [event],
        handle: (ctx, received, tx) => handle(ctx, received, tx),
        maxAttempts: options.maxAttempts ?? 5,
        backoff: { initialMs: 20, maxMs: 60 },
        logger: quietLogger,
        onHandled: (_consumer, outcome, info) => options.outcomes?.push({ outcome, eventId: info.eventId }),
      });
      started.push(consumer);
      return { name, consumer };
    }

    const deadLettersOf = (consumer: string) =>
      database.db.select().from(deadLetters).where(eq(deadLetters.consumer, consumer));

    it('handles each published event exactly once, in its tenant and with its trace', async () => {
      const event = uniqueWidgetEvent('once');
      const contexts: RequestContext[] = [];
      const { name } = await consume(event, async (ctx, received, tx) => {
        contexts.push(ctx);
        await recordEffect(tx, name, received.id);
      });
      const sent = await createWidgets(database, event, 5);

      await waitFor('five effects', async () => (await effectCount(database, name)) === 5);
      await sleep(300);
      const rows = await database.db.select().from(effects).where(eq(effects.consumer, name));
      expect(rows.map((r) => r.eventId).sort()).toEqual(sent.map((e) => e.id).sort());
      expect(rows.every((r) => r.tenantId === tenantId)).toBe(true);
      expect(contexts.map((c) => c.requestId).sort()).toEqual(sent.map((e) => e.id).sort());
      expect(contexts.every((c) => c.tenantId === tenantId && c.traceparent === traceparent)).toBe(true);
      await waitFor('the outbox rows marked sent', async () => {
        const outbox = await database.db
          .select({ status: outboxEvents.status })
          .from(outboxEvents)
          .where(
            inArray(
              outboxEvents.id,
              sent.map((e) => e.id),
            ),
          );
        return outbox.every((r) => r.status === 'sent');
      });
    });

    it('does not run the handler again when the same event is delivered twice', async () => {
      const event = uniqueWidgetEvent('redelivered');
      const outcomes: { outcome: ConsumerOutcome; eventId: string | null }[] = [];
      let runs = 0;
      const { name } = await consume(
        event,
        async (_ctx, received, tx) => {
          runs += 1;
          await recordEffect(tx, name, received.id);
        },
        { outcomes },
      );
      const sent = await createWidget(database, event);
      await waitFor('the first delivery', async () => (await effectCount(database, name)) === 1);

      await harness.redeliver(sent);
      await waitFor('the second delivery', () =>
        outcomes.some((o) => o.outcome === 'duplicate' && o.eventId === sent.id),
      );
      expect(runs).toBe(1);
      expect(await effectCount(database, name)).toBe(1);
    });

    it('retries a handler that fails twice and then handles the event once', async () => {
      const event = uniqueWidgetEvent('flaky');
      const calls = new Map<string, number>();
      const outcomes: { outcome: ConsumerOutcome; eventId: string | null }[] = [];
      const { name } = await consume(
        event,
        async (_ctx, received, tx) => {
          const call = (calls.get(received.id) ?? 0) + 1;
          calls.set(received.id, call);
          // The effect is written before the throw: the rollback must undo it.
          await recordEffect(tx, name, received.id, call);
          if (call <= 2) throw new Error(`flaky failure ${call}`);
        },
        { outcomes },
      );
      const sent = await createWidget(database, event);

      await waitFor('the effect', async () => (await effectCount(database, name)) === 1);
      await sleep(200);
      const rows = await database.db.select().from(effects).where(eq(effects.consumer, name));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.attempt).toBe(3);
      expect(calls.get(sent.id)).toBe(3);
      expect(outcomes.map((o) => o.outcome)).toEqual(['retry', 'retry', 'handled']);
      expect(await deadLettersOf(name)).toEqual([]);
    });

    it('dead-letters an event whose handler always fails, and later events still flow', async () => {
      const event = uniqueWidgetEvent('poison');
      const poisonCalls: string[] = [];
      const { name } = await consume(
        event,
        async (_ctx, received, tx) => {
          if (received.payload.name === 'poison') {
            poisonCalls.push(received.id);
            throw new Error('cannot make poison widgets');
          }
          await recordEffect(tx, name, received.id);
        },
        { maxAttempts: 3 },
      );
      const poison = await createWidget(database, event, 'poison');
      const before = await createWidget(database, event, 'fine');

      await waitFor('the dead letter', async () => (await deadLettersOf(name)).length === 1);
      const [letter] = await deadLettersOf(name);
      expect(letter).toMatchObject({
        eventId: poison.id,
        eventType: event.type,
        attempts: 3,
        replayedAt: null,
      });
      expect(letter?.error).toContain('cannot make poison widgets');
      expect(letter?.envelope).toEqual(poison);
      expect(poisonCalls).toEqual([poison.id, poison.id, poison.id]);

      const after = await createWidget(database, event, 'also-fine');
      await waitFor(
        'the later events',
        async () => (await effectCount(database, name, [before.id, after.id])) === 2,
      );
      expect(await effectCount(database, name, [poison.id])).toBe(0);
    });

    it('dead-letters a malformed payload with the validation reason, without running the handler', async () => {
      const event = uniqueWidgetEvent('malformed');
      let runs = 0;
      const { name } = await consume(event, async (_ctx, received, tx) => {
        runs += 1;
        await recordEffect(tx, name, received.id);
      });
      // A producer on a broken build: the envelope is fine, its payload is not.
      const valid = envelope(
        event,
        { tenantId },
        {
          aggregateType: 'widget',
          aggregateId: 'w-1',
          payload: { widgetId: tenantId, name: 'ok' },
        },
      );
      const malformed = { ...valid, payload: { widgetId: 'not-a-uuid', name: '' } };
      await database.transaction((tx) => addToOutbox(tx, malformed));

      await waitFor('the dead letter', async () => (await deadLettersOf(name)).length === 1);
      const [letter] = await deadLettersOf(name);
      expect(letter?.eventId).toBe(malformed.id);
      expect(letter?.attempts).toBe(1);
      expect(letter?.error).toMatch(/^MESSAGING_PAYLOAD_INVALID: payload\.widgetId: .+; payload\.name: .+/);
      expect(runs).toBe(0);

      const next = await createWidget(database, event);
      await waitFor('the next event', async () => (await effectCount(database, name, [next.id])) === 1);
    });

    it('replays a dead letter through the inbox once the handler is fixed', async () => {
      const event = uniqueWidgetEvent('replay');
      let fixed = false;
      const { name, consumer } = await consume(
        event,
        async (_ctx, received, tx) => {
          if (!fixed) throw new Error('downstream rejects it');
          await recordEffect(tx, name, received.id);
        },
        { maxAttempts: 2 },
      );
      const sent = await createWidget(database, event);
      await waitFor(
        'the dead letter',
        async () => (await deadLetterCount(database, { consumer: name })) === 1,
      );

      fixed = true;
      const page = await listDeadLetters(database, { consumer: name });
      const letter = page.items[0];
      expect(letter?.eventId).toBe(sent.id);
      expect(await replayDeadLetter(database, consumer, letter?.id ?? '')).toBe('handled');

      expect(await effectCount(database, name, [sent.id])).toBe(1);
      expect(await deadLetterCount(database, { consumer: name })).toBe(0);
      const replayed = await listDeadLetters(database, { consumer: name, state: 'replayed' });
      expect(replayed.items.map((l) => l.id)).toEqual([letter?.id]);
      expect(replayed.items[0]?.replayedAt).toBeInstanceOf(Date);
      await expect(replayDeadLetter(database, consumer, letter?.id ?? '')).rejects.toMatchObject({
        code: 'MESSAGING_DEAD_LETTER_ALREADY_REPLAYED',
      });
      expect(await effectCount(database, name, [sent.id])).toBe(1);
    });
  });
}
