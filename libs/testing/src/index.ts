export * from './service-harness.js';
export * from './fakes/sms/index.js';
export * from './fakes/couriers/index.js';
export * from './fakes/payments/index.js';
