// Platform tables living in this service's database, re-exported so drizzle-kit puts them into
// this service's migrations: the messaging tables, idempotency keys and stock reports.
export { deadLetters, inboxEvents, outboxEvents } from '@haat/messaging/tables';
export { idempotencyKeys } from '@haat/idempotency';
export { reports } from '@haat/reporting';
