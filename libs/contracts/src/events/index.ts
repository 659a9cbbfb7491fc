export * from './define-event.js';
export * from './tenant/tenant-events.js';
