export * from './fake-ssl-wireless.server.js';
export { normalizeMsisdn, SSL_STATUS_CODES } from './fake-sms.rules.js';
