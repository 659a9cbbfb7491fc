export * from './events/index.js';
export * from './proto-path.js';
export * from './tenant/tenant-resolution.js';
export * from './events/inventory/index.js';
export * from './auth/index.js';
export * from './events/product/product-events.js';
export * from './events/media/media-events.js';
export * from './events/notification/index.js';
