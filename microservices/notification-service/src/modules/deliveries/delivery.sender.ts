import { Inject, Injectable } from '@nestjs/common';
import { permanent, retryable, type SendResult } from '../../infrastructure/channels/send-result.js';
import { SmtpEmailSender } from '../../infrastructure/email/smtp-email.sender.js';
import { WebPushSender, type PushTarget } from '../../infrastructure/push/web-push.sender.js';
import { SMS_PROVIDER, type SmsProvider } from '../../infrastructure/sms/sms.provider.js';
import type { DeliveryRow } from './deliveries.schema.js';

/** What a send needs besides the delivery: loaded with it, in its tenant's scope. */
export interface SendContext {
  shopName: string;
  /** The push subscription (push deliveries), undefined when it was removed meanwhile. */
  push?: PushTarget;
}

/** Hands one delivery to its channel's provider. Never throws. */
@Injectable()
export class DeliverySender {
  constructor(
    private readonly email: SmtpEmailSender,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
    private readonly push: WebPushSender,
  ) {}

  async send(row: DeliveryRow, context: SendContext): Promise<SendResult> {
    try {
      return await this.sendOrThrow(row, context);
    } catch (err) {
      return retryable(row.channel, 'INTERNAL', err instanceof Error ? err.message : String(err));
    }
  }

  private sendOrThrow(row: DeliveryRow, context: SendContext): Promise<SendResult> {
    const text = row.body ?? '';
    switch (row.channel) {
      case 'email':
        return this.email.send({
          deliveryId: row.id,
          tenantId: row.tenantId,
          to: row.destination,
          fromName: context.shopName,
          subject: row.subject ?? '',
          text,
          html: row.html,
        });
      case 'sms':
        return this.sms.send({ messageId: row.id, tenantId: row.tenantId, to: row.destination, text });
      case 'push':
        if (!context.push) {
          return Promise.resolve(
            permanent('webpush', 'PUSH_SUBSCRIPTION_GONE', 'The subscription was removed'),
          );
        }
        return this.push.send(
          context.push,
          { title: row.subject ?? '', body: text, tag: row.templateKey, data: { deliveryId: row.id } },
          row.id.replace(/-/g, '').slice(0, 32),
        );
    }
  }
}
