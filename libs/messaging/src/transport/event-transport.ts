import type { EventEnvelope } from '@haat/contracts';

/**
 * What a subscriber tells the transport about one delivery:
 * - `'ack'`: done (handled, already handled, or not for this consumer);
 * - `{ retryInMs }`: deliver it again after that delay;
 * - `'dead'`: never deliver it again (the consumer recorded it as a dead letter).
 */
export type DeliveryVerdict = 'ack' | { retryInMs: number } | 'dead';

export interface Delivery {
  /** 1 on the first delivery of this message to this consumer, then 2, 3, … */
  attempt: number;
}

/**
 * The function a subscription runs per message. `message` is the decoded body (JSON when it
 * parses, otherwise the raw text): validating it is the subscriber's job, so a malformed message
 * can be dead-lettered rather than crash the transport. It should not throw; if it does, the
 * transport retries after a second.
 */
export type DeliveryHandler = (message: unknown, delivery: Delivery) => Promise<DeliveryVerdict>;

export interface SubscriptionSpec {
  /**
   * The durable consumer name, `<service>.<effect>`: subscriptions with the same name share the
   * work (each message goes to one of them), different names each get every message.
   */
  consumer: string;
  /** Event types (`order.created.v1`) this consumer handles; others never reach the handler. */
  eventTypes: readonly string[];
  handler: DeliveryHandler;
}

/** Stops a subscription after its in-flight deliveries finish. */
export type Unsubscribe = () => Promise<void>;

export interface PublishOptions {
  /**
   * Gives up waiting: a publish still held or between retries rejects. Work already running (a
   * consumer's handler) is not interrupted. The relay aborts on stop, leaving the row pending.
   * The in-process transport honours it; a NATS publish is bounded by its ack timeout instead.
   */
  signal?: AbortSignal;
}

/** Moves envelopes from the outbox relay to consumers: NATS JetStream or in-process. */
export interface EventTransport {
  /** Resolves once the transport has durably accepted the envelope; rejects otherwise. */
  publish(envelope: EventEnvelope, options?: PublishOptions): Promise<void>;
  subscribe(spec: SubscriptionSpec): Promise<Unsubscribe>;
  /** Ends every subscription and releases connections. */
  close(): Promise<void>;
}

/** Retry delay the transports use when a handler throws instead of returning a verdict. */
export const HANDLER_CRASH_RETRY_MS = 1_000;
