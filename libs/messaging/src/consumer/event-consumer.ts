import type { EventDefinition, EventEnvelope } from '@haat/contracts';
import type { Database, Tx } from '@haat/database';
import { runWithContext, systemContext, type RequestContext } from '@haat/tenant';
import type { EnvelopeOf } from '../envelope/event-envelope.builder.js';
import { consoleMessagingLogger, describeError, type MessagingLogger } from '../messaging.logger.js';
import { MESSAGING_ERRORS } from '../messaging.errors.js';
import { recordDeadLetter } from '../dead-letters/dead-letter.repository.js';
import type { Delivery, DeliveryVerdict, EventTransport } from '../transport/event-transport.js';
import { backoffDelay, DEFAULT_CONSUMER_BACKOFF, type BackoffOptions } from './backoff.js';
import { claimInboxEntry } from './inbox.repository.js';
import { parseEventMessage, type ParsedMessage } from './event-message.parser.js';

/** What became of one delivery. */
export type ConsumerOutcome = 'handled' | 'duplicate' | 'ignored' | 'retry' | 'dead';

export interface ConsumerOutcomeInfo {
  /** The envelope id (or, for a malformed message, the id it was dead-lettered under). */
  eventId: string | null;
  eventType: string | null;
  attempt: number;
  durationMs: number;
}

export type EventHandler<D extends readonly EventDefinition[]> = (
  ctx: RequestContext,
  event: EnvelopeOf<D[number]>,
  tx: Tx,
) => Promise<void>;

export interface EventConsumerOptions<D extends readonly EventDefinition[]> {
  database: Database;
  /** Durable name, `<service>.<effect>` (`inventory.commit-reservation`). */
  consumer: string;
  events: D;
  /** Runs in the inbox transaction; throw to retry. Emit further events with `addToOutbox(tx, …)`. */
  handle: EventHandler<D>;
  /** Deliveries before the event becomes a dead letter. Default 8. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  logger?: MessagingLogger;
  /** Metrics hook, called once per delivery. */
  onHandled?: (consumer: string, outcome: ConsumerOutcome, info: ConsumerOutcomeInfo) => void;
}

/**
 * One consumer's delivery rules: validate the message (malformed → dead letter), open a
 * transaction (scoped to the envelope's tenant), claim `(consumer, event id)` in the inbox — an
 * event already there is acknowledged without running the handler — run the handler with the
 * transaction and a system context built from the envelope, commit, then let the transport ack.
 * A throw is retried with exponential backoff and jitter; after `maxAttempts` the event is a
 * dead letter and is not delivered again.
 */
export class EventConsumer<D extends readonly EventDefinition[] = readonly EventDefinition[]> {
  readonly name: string;
  readonly eventTypes: readonly string[];
  readonly database: Database;
  private readonly definitions: ReadonlyMap<string, EventDefinition>;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffOptions;
  private readonly logger: MessagingLogger;
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(private readonly options: EventConsumerOptions<D>) {
    this.name = options.consumer;
    this.database = options.database;
    this.definitions = new Map(options.events.map((d) => [d.type, d]));
    this.eventTypes = [...this.definitions.keys()];
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoff = options.backoff ?? DEFAULT_CONSUMER_BACKOFF;
    this.logger = options.logger ?? consoleMessagingLogger;
    if (this.eventTypes.length === 0) throw new Error(`Consumer ${this.name} handles no event`);
  }

  /** Subscribes to `transport`; `stop()` ends the subscription. */
  async attach(transport: EventTransport): Promise<this> {
    this.unsubscribe = await transport.subscribe({
      consumer: this.name,
      eventTypes: this.eventTypes,
      handler: (message, delivery) => this.receive(message, delivery),
    });
    return this;
  }

  /** Stops receiving after the deliveries in progress finish. */
  async stop(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** The transport's handler: one delivery in, one verdict out. Never throws. */
  async receive(message: unknown, delivery: Delivery): Promise<DeliveryVerdict> {
    const started = performance.now();
    const parsed = this.parse(message);
    const eventType = parsed.kind === 'event' ? parsed.envelope.type : parsed.eventType;
    const eventId =
      parsed.kind === 'event' ? parsed.envelope.id : parsed.kind === 'invalid' ? parsed.eventId : null;
    const report = (outcome: ConsumerOutcome) =>
      this.options.onHandled?.(this.name, outcome, {
        eventId,
        eventType,
        attempt: delivery.attempt,
        durationMs: performance.now() - started,
      });

    if (parsed.kind === 'ignored') {
      report('ignored');
      return 'ack';
    }
    if (parsed.kind === 'invalid') {
      return this.deadLetter(message, parsed.eventId, eventType, parsed.reason, delivery, report);
    }
    const { envelope } = parsed;
    if (delivery.attempt > this.maxAttempts) {
      // Earlier deliveries never reached a verdict (the process died mid-handler, or the ack
      // was lost): do not run the handler yet again.
      const reason = `${MESSAGING_ERRORS.deliveryExhausted}: delivered ${delivery.attempt} times without completing`;
      return this.deadLetter(message, envelope.id, eventType, reason, delivery, report);
    }
    try {
      report(await this.handleOnce(envelope));
      return 'ack';
    } catch (err) {
      if (delivery.attempt >= this.maxAttempts) {
        return this.deadLetter(message, envelope.id, eventType, describeError(err), delivery, report);
      }
      const retryInMs = backoffDelay(delivery.attempt, this.backoff);
      this.logger.warn(
        {
          consumer: this.name,
          eventId: envelope.id,
          eventType,
          attempt: delivery.attempt,
          retryInMs,
          err: describeError(err, 500),
        },
        'event handler failed; will retry',
      );
      report('retry');
      return { retryInMs };
    }
  }

  /**
   * The inbox path, for deliveries and replays: handles `envelope` at most once for this
   * consumer. `alsoInTx` runs in the same transaction (a replay marks its dead letter there).
   */
  async handleOnce(
    envelope: EventEnvelope,
    alsoInTx?: (tx: Tx) => Promise<void>,
  ): Promise<'handled' | 'duplicate'> {
    const ctx = systemContext(envelope.id, envelope.tenantId, envelope.traceparent);
    const work = async (tx: Tx): Promise<'handled' | 'duplicate'> => {
      const first = await claimInboxEntry(tx, this.name, envelope.id, envelope.type);
      if (first) {
        await runWithContext(ctx, () => this.options.handle(ctx, envelope as EnvelopeOf<D[number]>, tx));
      }
      await alsoInTx?.(tx);
      return first ? 'handled' : 'duplicate';
    };
    return envelope.tenantId
      ? this.database.withTenant(envelope.tenantId, work)
      : this.database.transaction(work);
  }

  /** Validates a message against the envelope schema and this consumer's event definitions. */
  parse(message: unknown): ParsedMessage {
    return parseEventMessage(message, this.definitions);
  }

  private async deadLetter(
    message: unknown,
    eventId: string,
    eventType: string | null,
    error: string,
    delivery: Delivery,
    report: (outcome: ConsumerOutcome) => void,
  ): Promise<DeliveryVerdict> {
    try {
      await recordDeadLetter(this.database.db, {
        consumer: this.name,
        eventId,
        eventType,
        envelope: message,
        error,
        attempts: delivery.attempt,
      });
    } catch (err) {
      // Without its dead-letter row the event must not be dropped: have it delivered again.
      this.logger.error(
        { consumer: this.name, eventId, err: describeError(err) },
        'could not record a dead letter',
      );
      report('retry');
      return { retryInMs: backoffDelay(delivery.attempt, this.backoff) };
    }
    this.logger.error(
      { consumer: this.name, eventId, eventType, attempt: delivery.attempt, error: error.slice(0, 500) },
      'event dead-lettered',
    );
    report('dead');
    return 'dead';
  }
}
