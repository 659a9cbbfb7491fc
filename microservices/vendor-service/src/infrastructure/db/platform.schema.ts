// Platform tables living in this service's database, re-exported so drizzle-kit puts them into
// this service's migrations: the messaging tables and vendor reports.
export { deadLetters, inboxEvents, outboxEvents } from '@haat/messaging/tables';
export { reports } from '@haat/reporting';
