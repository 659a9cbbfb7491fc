import { randomBytes } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { jetstreamManager } from '@nats-io/jetstream';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { newId } from '@haat/common';
import { defineEvent } from '@haat/contracts';
import { Database, createThrowawayDatabase, runMigrations } from '@haat/database';
import { registerConsumer } from '../consumer/register-consumer.js';
import { envelope } from '../envelope/event-envelope.builder.js';
import type { MessagingLogger } from '../messaging.logger.js';
import { addToOutbox } from '../outbox/outbox.writer.js';
import { OutboxRelay } from '../relay/outbox-relay.js';
import type { EventTransport } from '../transport/event-transport.js';
import { InProcessTransport } from '../transport/in-process.transport.js';
import { NatsJetStreamTransport } from '../transport/nats-jetstream.transport.js';
import { NatsNaming } from '../transport/nats-naming.js';

/*
 * Outbox commit → consumer handled: latency one event at a time, then a sustained burst from
 * concurrent producers, for each transport. `npm run bench` (after a build) in libs/messaging;
 * NATS_URL and HAAT_TEST_ADMIN_URL point it elsewhere, HAAT_BENCH_EVENTS sizes the burst.
 */

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const BURST = Number(process.env.HAAT_BENCH_EVENTS ?? 5_000);
const SEQUENTIAL = 300;
const PRODUCERS = 16;
const migrationsFolder = fileURLToPath(new URL('../../test/fixtures/migrations', import.meta.url));
const BenchPingedV1 = defineEvent('bench.pinged.v1', z.object({ seq: z.number().int() }));
const tenantId = newId();
const silent: MessagingLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Latency {
  p50: number;
  p99: number;
}

interface Result {
  oneAtATime: Latency;
  /** A backlog committed while the relay was stopped, then drained: broker acks/s and handled/s. */
  drain: { publishedPerSecond: number; handledPerSecond: number };
  /** Producers, relay and consumer all running: handled/s and commit → handled latency. */
  burst: Latency & { perSecond: number };
}

interface Rig {
  relayTransport: EventTransport;
  consumerTransport: EventTransport;
  cleanup(): Promise<void>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function natsRig(): Promise<Rig> {
  const prefix = `haat-bench-${randomBytes(4).toString('hex')}`;
  const options = { servers: NATS_URL, prefix, domains: ['bench'], logger: silent };
  const relayTransport = await NatsJetStreamTransport.connect(options);
  const consumerTransport = await NatsJetStreamTransport.connect({ ...options, concurrency: 32 });
  return {
    relayTransport,
    consumerTransport,
    cleanup: async () => {
      const jsm = await jetstreamManager(relayTransport.connection);
      await jsm.streams.delete(new NatsNaming(prefix).stream('bench'));
      await consumerTransport.close();
      await relayTransport.close();
    },
  };
}

function inProcessRig(): Rig {
  const transport = new InProcessTransport({ logger: silent });
  return { relayTransport: transport, consumerTransport: transport, cleanup: () => transport.close() };
}

async function measure(rig: Rig): Promise<Result> {
  const throwaway = await createThrowawayDatabase('messaging-bench');
  await runMigrations({ ownerUrl: throwaway.ownerUrl, migrationsFolder, appRole: throwaway.appRole });
  const database = new Database({ url: throwaway.appUrl, poolMax: 24 });
  const committedAt = new Map<string, number>();
  const handledAt = new Map<string, number>();
  const waiters = new Set<() => void>();
  let published = 0;
  const poke = () => {
    for (const check of waiters) check();
  };
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!done()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });

  const consumer = await registerConsumer({
    transport: rig.consumerTransport,
    database,
    consumer: 'bench.record-ping',
    events: [BenchPingedV1],
    logger: silent,
    handle: async (_ctx, event, tx) => {
      await tx.execute(
        sql`insert into effects (id, consumer, event_id, tenant_id) values (${newId()}, 'bench', ${event.id}, ${tenantId})`,
      );
    },
    onHandled: (_consumer, outcome, info) => {
      if (outcome === 'handled' && info.eventId) handledAt.set(info.eventId, performance.now());
      poke();
    },
  });
  const relay = new OutboxRelay({
    database,
    transport: rig.relayTransport,
    batchSize: 100,
    logger: silent,
    onPublished: () => {
      published += 1;
      poke();
    },
  });
  await relay.start();

  const produce = async (seq: number): Promise<string> => {
    const event = envelope(
      BenchPingedV1,
      { tenantId },
      { aggregateType: 'ping', aggregateId: newId(), payload: { seq } },
    );
    await database.withTenant(tenantId, (tx) => addToOutbox(tx, event));
    committedAt.set(event.id, performance.now());
    return event.id;
  };
  const produceConcurrently = async (count: number): Promise<string[]> => {
    const ids: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: PRODUCERS }, async () => {
        while (next < count) {
          next += 1;
          ids.push(await produce(next));
        }
      }),
    );
    return ids;
  };
  const latency = (ids: string[]): Latency => {
    const sorted = ids
      .map((id) => Math.max(0, (handledAt.get(id) ?? Number.NaN) - (committedAt.get(id) ?? Number.NaN)))
      .sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  const seconds = (since: number) => (performance.now() - since) / 1_000;

  try {
    // Warm up connections and the JIT.
    for (let i = 0; i < 50; i++) await produce(i);
    await until(() => handledAt.size >= 50);
    handledAt.clear();

    const sequentialIds: string[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      sequentialIds.push(await produce(i));
      await until(() => handledAt.size >= i + 1);
    }
    const oneAtATime = latency(sequentialIds);
    handledAt.clear();

    await relay.stop();
    await produceConcurrently(BURST);
    published = 0;
    const drainStart = performance.now();
    await relay.start();
    await until(() => published >= BURST);
    const publishedPerSecond = BURST / seconds(drainStart);
    await until(() => handledAt.size >= BURST);
    const drain = { publishedPerSecond, handledPerSecond: BURST / seconds(drainStart) };
    handledAt.clear();

    const burstStart = performance.now();
    const burstIds = await produceConcurrently(BURST);
    await until(() => handledAt.size >= BURST);
    const burst = { ...latency(burstIds), perSecond: BURST / seconds(burstStart) };
    return { oneAtATime, drain, burst };
  } finally {
    await relay.stop();
    await consumer.stop();
    await rig.cleanup();
    await database.close();
    await throwaway.drop();
  }
}

const format = (ms: number) => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  console.log(
    `outbox → consumer benchmark on ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'})`,
  );
  console.log(
    `producers, relay and consumer share this one process; ${SEQUENTIAL} events one at a time, ` +
      `then ${BURST} as a backlog and ${BURST} from ${PRODUCERS} concurrent producers`,
  );
  const rows: Record<string, Record<string, string | number>> = {};
  for (const [name, rig] of [
    ['in-process', () => Promise.resolve(inProcessRig())],
    ['NATS JetStream', natsRig],
  ] as const) {
    const r = await measure(await rig());
    rows[name] = {
      'p50 one at a time': format(r.oneAtATime.p50),
      'p99 one at a time': format(r.oneAtATime.p99),
      'backlog published/s': Math.round(r.drain.publishedPerSecond),
      'backlog handled/s': Math.round(r.drain.handledPerSecond),
      'burst handled/s': Math.round(r.burst.perSecond),
      'p50 burst': format(r.burst.p50),
      'p99 burst': format(r.burst.p99),
    };
  }
  console.table(rows);
}

await main();
