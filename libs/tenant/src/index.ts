export * from './request-context.js';
export * from './internal-headers.js';
export * from './internal-signature.js';
export * from './decorators.js';
export * from './internal-auth.guard.js';
export * from './enter-context.js';
