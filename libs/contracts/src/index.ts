export * from './events/index.js';
export * from './proto-path.js';
export * from './tenant/tenant-resolution.js';
