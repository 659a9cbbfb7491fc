// The platform tables (outbox, inbox, dead letters, idempotency keys) live in this service's
// database: re-exported here so drizzle-kit puts them into this service's migrations.
export { deadLetters, inboxEvents, outboxEvents } from '@haat/messaging/tables';
export { idempotencyKeys } from '@haat/idempotency';
