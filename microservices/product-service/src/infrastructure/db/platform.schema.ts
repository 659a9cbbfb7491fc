// The platform tables (outbox, inbox, dead letters, reports) live in this service's database:
// re-exported here so drizzle-kit puts them into this service's migrations.
export { outboxEvents, inboxEvents, deadLetters } from '@haat/messaging/tables';
export { reports } from '@haat/reporting';
