import { randomBytes } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '@haat/contracts';
import type { EventTransport } from '../../src/transport/event-transport.js';
import { InProcessTransport } from '../../src/transport/in-process.transport.js';
import {
  NatsJetStreamTransport,
  type NatsJetStreamTransportOptions,
} from '../../src/transport/nats-jetstream.transport.js';
import { NatsNaming } from '../../src/transport/nats-naming.js';
import { quietLogger } from './quiet-logger.js';

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/** Gives a test suite transports of one kind, and cleans up after it. */
export interface TransportHarness {
  readonly name: string;
  /** A transport for a relay or a consumer (in-process: the one shared instance). */
  transport(overrides?: Partial<NatsJetStreamTransportOptions>): Promise<EventTransport>;
  /** Puts the same envelope on the transport again, past any broker de-duplication. */
  redeliver(envelope: EventEnvelope): Promise<void>;
  cleanup(): Promise<void>;
}

export function inProcessHarness(): TransportHarness {
  const shared = new InProcessTransport({ logger: quietLogger });
  return {
    name: 'in-process',
    transport: async () => shared,
    redeliver: (envelope) => shared.publish(envelope),
    cleanup: () => shared.close(),
  };
}

/** NATS JetStream with a prefix of its own; `cleanup` deletes the streams it created. */
export function natsHarness(): TransportHarness & { naming: NatsNaming } {
  const prefix = `haat-test-${randomBytes(4).toString('hex')}`;
  const naming = new NatsNaming(prefix);
  const opened: EventTransport[] = [];
  let raw: NatsConnection | undefined;
  const rawConnection = async () => (raw ??= await connect({ servers: NATS_URL }));
  return {
    name: 'NATS JetStream',
    naming,
    transport: async (overrides = {}) => {
      const transport = await NatsJetStreamTransport.connect({
        servers: NATS_URL,
        prefix,
        logger: quietLogger,
        ackWaitMs: 5_000,
        ...overrides,
      });
      opened.push(transport);
      return transport;
    },
    redeliver: async (envelope) => {
      // Without a Nats-Msg-Id, as when the relay republishes after the de-duplication window.
      const nc = await rawConnection();
      await jetstream(nc).publish(naming.subject(envelope.type), JSON.stringify(envelope));
    },
    cleanup: async () => {
      await Promise.allSettled(opened.map((t) => t.close()));
      const nc = await rawConnection();
      const jsm = await jetstreamManager(nc);
      for await (const stream of jsm.streams.list()) {
        if (stream.config.name.startsWith(naming.stream(''))) await jsm.streams.delete(stream.config.name);
      }
      await nc.close();
    },
  };
}
