export * from './tokens.js';
export * from './service-definition.js';
export * from './platform.module.js';
export * from './database-urls.js';
export * from './openapi-document.js';
export * from './start-service.js';
export * from './event-consumers.js';
export * from './event-transport.factory.js';
