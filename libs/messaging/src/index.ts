export * from './tables/index.js';
export * from './envelope/event-envelope.builder.js';
export * from './outbox/outbox.writer.js';
export * from './outbox/outbox-stats.query.js';
export { OutboxRelay } from './relay/outbox-relay.js';
export type { OutboxRelayOptions, PublishedInfo, PublishFailedInfo } from './relay/outbox-relay.js';
export * from './transport/event-transport.js';
export * from './transport/in-process.transport.js';
export * from './transport/nats-jetstream.transport.js';
export { NatsNaming } from './transport/nats-naming.js';
export * from './consumer/event-consumer.js';
export * from './consumer/register-consumer.js';
export { backoffDelay, DEFAULT_CONSUMER_BACKOFF, type BackoffOptions } from './consumer/backoff.js';
export type { ParsedMessage } from './consumer/event-message.parser.js';
export {
  listDeadLetters,
  deadLetterCount,
  type DeadLetter,
  type DeadLetterState,
  type ListDeadLettersQuery,
} from './dead-letters/dead-letter.repository.js';
export * from './dead-letters/dead-letter-replay.js';
export * from './messaging.errors.js';
export * from './messaging.logger.js';
