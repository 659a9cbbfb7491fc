export * from './outbox-events.table.js';
export * from './inbox-events.table.js';
export * from './dead-letters.table.js';
