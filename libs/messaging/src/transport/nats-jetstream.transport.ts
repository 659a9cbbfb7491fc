import { setTimeout as sleep } from 'node:timers/promises';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, headers, RequestError, type NatsConnection } from '@nats-io/transport-node';
import { UnavailableError } from '@haat/common';
import type { EventEnvelope } from '@haat/contracts';
import { consoleMessagingLogger, type MessagingLogger } from '../messaging.logger.js';
import { MESSAGING_ERRORS } from '../messaging.errors.js';
import type { EventTransport, SubscriptionSpec, Unsubscribe } from './event-transport.js';
import { JetStreamProvisioner } from './jetstream.provisioner.js';
import { NatsNaming } from './nats-naming.js';
import { NatsPullSubscription } from './nats-pull.subscription.js';

export interface NatsJetStreamTransportOptions {
  /** `nats://host:4222`, or several. */
  servers: string | string[];
  /** Subject prefix (`haat`); streams are named after it (`HAAT_ORDER`). Tests pass a unique one. */
  prefix?: string;
  /** Shown by the server for this connection, e.g. the service name. */
  connectionName?: string;
  /** Domains whose streams are created (or updated) at connect; others are created on first use. */
  domains?: readonly string[];
  /** How long streams keep events. Default 7 days. */
  streamMaxAgeMs?: number;
  /** JetStream de-duplication window for the `Nats-Msg-Id` (= event id). Default 2 minutes. */
  duplicateWindowMs?: number;
  replicas?: number;
  /** How long `publish` waits for the broker's ack. Default 5 s. */
  publishTimeoutMs?: number;
  /** Redelivery after this long without a verdict. Default 30 s. */
  ackWaitMs?: number;
  /** Messages one subscription handles at once, per domain stream. Default 16. */
  concurrency?: number;
  logger?: MessagingLogger;
}

const DAY_MS = 86_400_000;

/**
 * Events over NATS JetStream: one file-backed stream per domain, subjects per event type,
 * `Nats-Msg-Id` = event id so a republished event within the window is stored once, durable pull
 * consumers shared by every instance of a service, explicit ack after the consumer committed.
 * The connection reconnects forever; subscriptions resume by themselves.
 */
export class NatsJetStreamTransport implements EventTransport {
  private readonly js: JetStreamClient;
  private readonly subscriptions = new Set<NatsPullSubscription>();
  private closed = false;

  private constructor(
    /** The underlying connection, for health checks (`isClosed()`, `status()`). */
    readonly connection: NatsConnection,
    private readonly provisioner: JetStreamProvisioner,
    private readonly naming: NatsNaming,
    private readonly options: NatsJetStreamTransportOptions,
    private readonly logger: MessagingLogger,
  ) {
    this.js = jetstream(connection, { timeout: options.publishTimeoutMs ?? 5_000 });
  }

  static async connect(options: NatsJetStreamTransportOptions): Promise<NatsJetStreamTransport> {
    const naming = new NatsNaming(options.prefix);
    const connection = await connect({
      servers: options.servers,
      name: options.connectionName,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      // Notice a silently dead connection within ~30 s rather than the default minutes.
      pingInterval: 10_000,
      maxPingOut: 3,
    });
    try {
      const jsm = await jetstreamManager(connection);
      const provisioner = new JetStreamProvisioner(jsm, naming, {
        streamMaxAgeMs: options.streamMaxAgeMs ?? 7 * DAY_MS,
        duplicateWindowMs: options.duplicateWindowMs ?? 120_000,
        replicas: options.replicas ?? 1,
        ackWaitMs: options.ackWaitMs ?? 30_000,
        maxAckPending: 1_000,
      });
      for (const domain of options.domains ?? []) await provisioner.ensureStream(domain);
      return new NatsJetStreamTransport(
        connection,
        provisioner,
        naming,
        options,
        options.logger ?? consoleMessagingLogger,
      );
    } catch (err) {
      await connection.close();
      throw err;
    }
  }

  async publish(envelope: EventEnvelope): Promise<void> {
    this.assertOpen();
    try {
      await this.send(envelope);
    } catch (err) {
      // Nothing answered on the subject: its domain has no stream yet. Create it and try again;
      // keeping the stream check off the hot path saves a round trip per event.
      if (!isNoResponders(err)) throw err;
      await this.provisioner.ensureStream(this.naming.domainOf(envelope.type));
      await this.send(envelope);
    }
  }

  async subscribe(spec: SubscriptionSpec): Promise<Unsubscribe> {
    this.assertOpen();
    const byDomain = new Map<string, string[]>();
    for (const type of spec.eventTypes) {
      const domain = this.naming.domainOf(type);
      byDomain.set(domain, [...(byDomain.get(domain) ?? []), type]);
    }
    const started: NatsPullSubscription[] = [];
    for (const [domain, types] of byDomain) {
      const stream = await this.provisioner.ensureStream(domain);
      const durable = {
        stream,
        durable: this.naming.durable(spec.consumer),
        // NATS 2.9 takes one filter subject per consumer: the type itself, or the whole domain
        // when several of its types are wanted (the others are acked unseen).
        filterSubject:
          types.length === 1 && types[0] ? this.naming.subject(types[0]) : this.naming.domainSubjects(domain),
      };
      await this.provisioner.ensureDurable(durable);
      const subscription = new NatsPullSubscription({
        js: this.js,
        provisioner: this.provisioner,
        naming: this.naming,
        durable,
        consumer: spec.consumer,
        eventTypes: new Set(types),
        handler: spec.handler,
        concurrency: this.options.concurrency ?? 16,
        ackWaitMs: this.options.ackWaitMs ?? 30_000,
        logger: this.logger,
      });
      started.push(subscription);
      this.subscriptions.add(subscription);
    }
    return async () => {
      await Promise.all(started.map((s) => s.stop()));
      for (const s of started) this.subscriptions.delete(s);
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    // Push the last acks out, but do not hang on a connection that is down.
    await Promise.race([this.connection.flush(), sleep(2_000)]).catch(() => undefined);
    await this.connection.close();
  }

  private async send(envelope: EventEnvelope): Promise<void> {
    const hdrs = headers();
    if (envelope.traceparent) hdrs.set('traceparent', envelope.traceparent);
    await this.js.publish(this.naming.subject(envelope.type), JSON.stringify(envelope), {
      msgID: envelope.id,
      headers: hdrs,
    });
  }

  private assertOpen(): void {
    if (this.closed || this.connection.isClosed()) {
      throw new UnavailableError(MESSAGING_ERRORS.transportClosed, 'The NATS transport is closed');
    }
  }
}

/** The client reports "no responders" on a JetStream request as `JetStreamNotEnabled` caused by it. */
function isNoResponders(err: unknown): boolean {
  return err instanceof Error && err.cause instanceof RequestError && err.cause.isNoResponders();
}
