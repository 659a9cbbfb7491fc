export * from './access-token.claims.js';
export * from './api-token-introspection.js';
export * from './session-revocations.js';
export * from '../events/auth/auth-events.js';
