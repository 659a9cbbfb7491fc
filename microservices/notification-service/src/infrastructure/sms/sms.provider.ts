import type { SendResult } from '../channels/send-result.js';

export interface OutgoingSms {
  /** Unique per message and the same on every retry: the provider's idempotency key. */
  messageId: string;
  tenantId: string;
  /** E.164 (`+8801712345678`). */
  to: string;
  text: string;
}

/** An SMS gateway. Never throws: every failure is a `SendResult`. */
export interface SmsProvider {
  readonly name: string;
  send(sms: OutgoingSms): Promise<SendResult>;
}

/** DI token of the configured `SmsProvider`. */
export const SMS_PROVIDER = Symbol.for('haat.notification.sms-provider');
