export * from './payment-fields.js';
export * from './payment-succeeded.v1.js';
export * from './payment-failed.v1.js';
export * from './payment-refunded.v1.js';
export * from './cod-collected.v1.js';
