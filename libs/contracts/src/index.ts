export * from './events/index.js';
export * from './proto-path.js';
