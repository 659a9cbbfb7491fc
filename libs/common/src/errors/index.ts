export * from './app-error.js';
export * from './error-body.js';
export * from './zod-parse.js';
