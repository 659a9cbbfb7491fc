export * from './notification-fields.js';
export * from './delivered.v1.js';
export * from './delivery-failed.v1.js';
