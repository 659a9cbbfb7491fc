export * from './launcher-config.js';
export * from './service-registry.js';
export * from './embedded.js';
export * from './distributed.js';
