import { retryable, sent, type SendResult } from '../channels/send-result.js';
import type { MailboxStore } from '../mailbox/mailbox.store.js';
import type { OutgoingSms, SmsProvider } from './sms.provider.js';

/** Embedded mode without an SMS gateway: each SMS lands in the local mailbox, readable like email. */
export class MailboxSmsProvider implements SmsProvider {
  readonly name = 'mailbox';

  constructor(private readonly store: MailboxStore) {}

  async send(sms: OutgoingSms): Promise<SendResult> {
    try {
      const stored = await this.store.save({
        tenantId: sms.tenantId,
        kind: 'sms',
        from: null,
        to: [sms.to],
        subject: null,
        text: sms.text,
        html: null,
        messageId: sms.messageId,
      });
      return sent(this.name, stored === 'duplicate' ? null : stored.id);
    } catch (err) {
      return retryable(this.name, 'MAILBOX_WRITE_FAILED', err instanceof Error ? err.message : String(err));
    }
  }
}
