import { permanent, retryable, type SendResult } from '../channels/send-result.js';

/**
 * What an SMTP failure means (RFC 5321 §4.2.1): a 5yz reply refuses the message for good; 4yz,
 * a refused login and any connection problem are worth another try later.
 */
export function classifyEmailError(provider: string, err: unknown): SendResult {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    responseCode?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const message = typeof e.message === 'string' ? e.message : String(err);
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const code = typeof e.code === 'string' ? e.code : 'EUNKNOWN';
  if (responseCode !== undefined && responseCode >= 500 && code !== 'EAUTH') {
    return permanent(provider, `SMTP_${responseCode}`, message);
  }
  return retryable(provider, responseCode !== undefined ? `SMTP_${responseCode}` : code, message);
}
