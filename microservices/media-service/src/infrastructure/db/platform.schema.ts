// The platform tables (outbox, inbox, dead letters) live in this service's database:
// re-exported here so drizzle-kit puts them into this service's migrations.
export { outboxEvents, inboxEvents, deadLetters } from '@haat/messaging/tables';
