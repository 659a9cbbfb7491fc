import { setTimeout as sleep } from 'node:timers/promises';
import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { describeError, type MessagingLogger } from '../messaging.logger.js';
import { DeliveryScheduler } from './delivery.scheduler.js';
import { HANDLER_CRASH_RETRY_MS, type DeliveryHandler, type DeliveryVerdict } from './event-transport.js';
import type { DurableSpec, JetStreamProvisioner } from './jetstream.provisioner.js';
import type { NatsNaming } from './nats-naming.js';

export interface NatsPullSubscriptionOptions {
  js: JetStreamClient;
  provisioner: JetStreamProvisioner;
  naming: NatsNaming;
  durable: DurableSpec;
  consumer: string;
  eventTypes: ReadonlySet<string>;
  handler: DeliveryHandler;
  concurrency: number;
  ackWaitMs: number;
  logger: MessagingLogger;
}

const RESTART_DELAY_MS = 1_000;

/**
 * One durable pull consumer being read: every process reading the same durable shares its
 * messages. The read loop outlives reconnects (the client resumes pulling), and starts over —
 * re-creating the consumer if it was deleted — whenever the read ends while still wanted.
 */
export class NatsPullSubscription {
  private active = true;
  private messages: ConsumerMessages | undefined;
  private readonly scheduler: DeliveryScheduler;
  private readonly stopping = new AbortController();
  private readonly loop: Promise<void>;

  constructor(private readonly options: NatsPullSubscriptionOptions) {
    this.scheduler = new DeliveryScheduler(options.concurrency);
    this.loop = this.read();
  }

  /** Stops pulling and waits until every message already taken has its verdict sent. */
  async stop(): Promise<void> {
    this.active = false;
    this.stopping.abort();
    this.messages?.stop();
    await this.loop;
    await this.scheduler.idle();
  }

  private async read(): Promise<void> {
    const { js, provisioner, durable, logger, consumer } = this.options;
    while (this.active) {
      try {
        await provisioner.ensureDurable(durable);
        const pull = await js.consumers.get(durable.stream, durable.durable);
        if (!this.active) return;
        const messages = await pull.consume({ max_messages: this.options.concurrency * 2 });
        this.messages = messages;
        void this.watch(messages);
        for await (const msg of messages) {
          await this.take(msg);
        }
      } catch (err) {
        if (this.active)
          logger.warn({ consumer, err: describeError(err) }, 'pull consumer read failed; restarting');
      } finally {
        this.messages = undefined;
      }
      if (this.active)
        await sleep(RESTART_DELAY_MS, undefined, { signal: this.stopping.signal }).catch(() => undefined);
    }
  }

  /** A deleted consumer or stream ends this read, so the loop re-creates it. */
  private async watch(messages: ConsumerMessages): Promise<void> {
    for await (const status of messages.status()) {
      if (
        status.type === 'consumer_deleted' ||
        status.type === 'consumer_not_found' ||
        status.type === 'stream_not_found'
      ) {
        this.options.logger.warn(
          { consumer: this.options.consumer, status: status.type },
          'pull consumer lost',
        );
        messages.stop();
      }
    }
  }

  private async take(msg: JsMsg): Promise<void> {
    const eventType = this.options.naming.eventTypeOf(msg.subject);
    // One durable per domain stream may see types this consumer does not handle.
    if (eventType === undefined || !this.options.eventTypes.has(eventType)) {
      settle(msg, 'ack');
      return;
    }
    const text = msg.string();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    await this.scheduler.schedule(orderingKey(body), () => this.deliver(msg, body));
  }

  private async deliver(msg: JsMsg, body: unknown): Promise<void> {
    const { handler, logger, consumer, ackWaitMs } = this.options;
    // Tell the server we are still at it, so a slow handler is not redelivered elsewhere meanwhile.
    const keepAlive = setInterval(() => msg.working(), Math.max(1_000, Math.floor(ackWaitMs / 3)));
    let verdict: DeliveryVerdict;
    try {
      verdict = await handler(body, { attempt: msg.info.deliveryCount });
    } catch (err) {
      logger.error({ consumer, err: describeError(err) }, 'consumer handler threw');
      verdict = { retryInMs: HANDLER_CRASH_RETRY_MS };
    } finally {
      clearInterval(keepAlive);
    }
    try {
      settle(msg, verdict);
    } catch (err) {
      // The connection is gone: the server redelivers after the ack wait, and the inbox absorbs it.
      logger.warn({ consumer, err: describeError(err) }, 'could not send the verdict');
    }
  }
}

function settle(msg: JsMsg, verdict: DeliveryVerdict): void {
  if (verdict === 'ack') msg.ack();
  else if (verdict === 'dead') msg.term();
  else msg.nak(verdict.retryInMs);
}

function orderingKey(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { aggregateType, aggregateId } = body as { aggregateType?: unknown; aggregateId?: unknown };
  return typeof aggregateType === 'string' && typeof aggregateId === 'string'
    ? `${aggregateType}:${aggregateId}`
    : undefined;
}
