import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { UnavailableError } from '@haat/common';
import type { EventEnvelope } from '@haat/contracts';
import { consoleMessagingLogger, describeError, type MessagingLogger } from '../messaging.logger.js';
import { MESSAGING_ERRORS } from '../messaging.errors.js';
import {
  HANDLER_CRASH_RETRY_MS,
  type DeliveryHandler,
  type DeliveryVerdict,
  type EventTransport,
  type PublishOptions,
  type SubscriptionSpec,
  type Unsubscribe,
} from './event-transport.js';

export interface InProcessTransportOptions {
  /**
   * Hold every `publish` until `resume()`. The embedded launcher starts paused, registers every
   * service's consumers, then resumes: an event published before its consumers exist would
   * otherwise reach nobody, since nothing here stores it.
   */
  paused?: boolean;
  logger?: MessagingLogger;
}

interface Member {
  eventTypes: ReadonlySet<string>;
  handler: DeliveryHandler;
  running: Set<Promise<DeliveryVerdict>>;
  active: boolean;
}

/**
 * Delivery inside one Node process (embedded mode). `publish` resolves only when every consumer
 * of the event type has finished with it — handled and its inbox row committed, or
 * dead-lettered — retrying with the consumer's backoff in between; so the relay marks an outbox
 * row sent only after all its effects exist. If the process dies first, the row is still pending
 * and is published again on restart; consumers' inboxes drop what they had already handled.
 * Consumers of one event run concurrently; several subscriptions under one consumer name share
 * the work round-robin.
 */
export class InProcessTransport implements EventTransport {
  private readonly consumers = new Map<string, { members: Member[]; turn: number }>();
  private readonly logger: MessagingLogger;
  private readonly closing = new AbortController();
  private held: Promise<void> | undefined;
  private release: () => void = () => undefined;

  constructor(options: InProcessTransportOptions = {}) {
    this.logger = options.logger ?? consoleMessagingLogger;
    // Each publish in flight listens for the close, and removes its listener when done.
    setMaxListeners(0, this.closing.signal);
    if (options.paused) {
      this.held = new Promise<void>((resolve) => {
        this.release = resolve;
      });
    }
  }

  /** Lets publishes held since construction (`paused: true`) through. */
  resume(): void {
    this.held = undefined;
    this.release();
  }

  async publish(envelope: EventEnvelope, options: PublishOptions = {}): Promise<void> {
    this.assertOpen();
    // One signal for "stop waiting": the transport closing or the caller giving up.
    const giveUp = new AbortController();
    const abort = () => giveUp.abort();
    this.closing.signal.addEventListener('abort', abort);
    options.signal?.addEventListener('abort', abort);
    if (options.signal?.aborted) abort();
    try {
      if (this.held) await untilSettledOrAborted(this.held, giveUp.signal);
      this.assertActive(giveUp.signal);
      // The wire form, as a broker would carry it: each consumer gets its own copy.
      const wire = JSON.stringify(envelope);
      const deliveries: Promise<void>[] = [];
      for (const [name, group] of this.consumers) {
        if (group.members.some((m) => m.eventTypes.has(envelope.type))) {
          deliveries.push(this.deliver(name, envelope.type, wire, giveUp.signal));
        }
      }
      // Settle every delivery before answering, so no handler is still running when we return.
      const failed = (await Promise.allSettled(deliveries)).find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    } finally {
      this.closing.signal.removeEventListener('abort', abort);
      options.signal?.removeEventListener('abort', abort);
    }
  }

  async subscribe(spec: SubscriptionSpec): Promise<Unsubscribe> {
    this.assertOpen();
    const member: Member = {
      eventTypes: new Set(spec.eventTypes),
      handler: spec.handler,
      running: new Set(),
      active: true,
    };
    const group = this.consumers.get(spec.consumer) ?? { members: [], turn: 0 };
    group.members.push(member);
    this.consumers.set(spec.consumer, group);
    return async () => {
      member.active = false;
      group.members = group.members.filter((m) => m !== member);
      if (group.members.length === 0) this.consumers.delete(spec.consumer);
      await Promise.allSettled([...member.running]);
    };
  }

  async close(): Promise<void> {
    this.closing.abort();
    this.release();
    const running = [...this.consumers.values()].flatMap((g) => g.members.flatMap((m) => [...m.running]));
    for (const group of this.consumers.values()) for (const m of group.members) m.active = false;
    this.consumers.clear();
    await Promise.allSettled(running);
  }

  private async deliver(
    consumer: string,
    eventType: string,
    wire: string,
    signal: AbortSignal,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      this.assertActive(signal);
      const member = this.pick(consumer, eventType);
      // The consumer unsubscribed meanwhile: there is nobody left to deliver to.
      if (!member) return;
      const verdict = await this.run(member, consumer, wire, attempt);
      if (verdict === 'ack' || verdict === 'dead') return;
      await sleep(verdict.retryInMs, undefined, { signal }).catch(() => undefined);
    }
  }

  private run(member: Member, consumer: string, wire: string, attempt: number): Promise<DeliveryVerdict> {
    const running = member
      .handler(JSON.parse(wire) as unknown, { attempt })
      .catch((err: unknown): DeliveryVerdict => {
        this.logger.error({ consumer, attempt, err: describeError(err) }, 'consumer handler threw');
        return { retryInMs: HANDLER_CRASH_RETRY_MS };
      });
    member.running.add(running);
    return running.finally(() => member.running.delete(running));
  }

  private pick(consumer: string, eventType: string): Member | undefined {
    const group = this.consumers.get(consumer);
    if (!group) return undefined;
    const candidates = group.members.filter((m) => m.active && m.eventTypes.has(eventType));
    if (candidates.length === 0) return undefined;
    group.turn = (group.turn + 1) % candidates.length;
    return candidates[group.turn];
  }

  private assertOpen(): void {
    if (this.closing.signal.aborted) {
      throw new UnavailableError(MESSAGING_ERRORS.transportClosed, 'The in-process transport is closed');
    }
  }

  private assertActive(signal: AbortSignal): void {
    this.assertOpen();
    if (signal.aborted) {
      throw new UnavailableError(
        MESSAGING_ERRORS.publishAborted,
        'The publish was abandoned before every consumer finished',
      );
    }
  }
}

function untilSettledOrAborted(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done);
    void promise.then(done);
  });
}
