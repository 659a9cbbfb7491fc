import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { SERVICE_CONFIG } from '@haat/service';
import nodemailer, { type Transporter } from 'nodemailer';
import type { NotificationServiceConfig } from '../../config/notification-service.config.js';
import type { NotificationSettings } from '../../config/notification.settings.js';
import { NOTIFICATION_SETTINGS } from '../channels/notification-settings.token.js';
import { type SendResult, sent } from '../channels/send-result.js';
import { LocalMailbox } from '../mailbox/local-mailbox.js';
import { TENANT_HEADER } from '../mailbox/mailbox-smtp.server.js';
import { classifyEmailError } from './email-error.classifier.js';
import { parseFromAddress } from './email-from.js';

export interface OutgoingEmail {
  deliveryId: string;
  tenantId: string;
  to: string;
  /** The shop the email comes from: the `From` display name. */
  fromName: string;
  subject: string;
  text: string;
  html: string | null;
}

/**
 * Sends email over SMTP with nodemailer: to `SMTP_URL`, or to the local mailbox in embedded
 * mode. The `Message-ID` is derived from the delivery id, so a retry after a lost reply is the
 * same message to the receiving server.
 */
@Injectable()
export class SmtpEmailSender implements OnModuleDestroy {
  private transport: Transporter | undefined;
  private readonly from: { name: string | null; address: string };

  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationServiceConfig,
    private readonly mailbox: LocalMailbox,
  ) {
    this.from = parseFromAddress(config.EMAIL_FROM);
  }

  get provider(): string {
    return this.settings.email.kind === 'smtp' ? 'smtp' : 'mailbox';
  }

  async send(email: OutgoingEmail): Promise<SendResult> {
    try {
      const info = (await this.transporter().sendMail({
        from: { name: email.fromName || this.from.name || '', address: this.from.address },
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.html ? { html: email.html } : {}),
        messageId: `<${email.deliveryId}@notifications.haat>`,
        headers: { [TENANT_HEADER]: email.tenantId, 'X-Haat-Delivery-Id': email.deliveryId },
      })) as { messageId?: string; response?: string };
      return sent(this.provider, info.messageId ?? null);
    } catch (err) {
      return classifyEmailError(this.provider, err);
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private transporter(): Transporter {
    if (!this.transport) {
      const url = this.settings.email.kind === 'smtp' ? this.settings.email.url : this.mailbox.smtpUrl;
      const timeout = this.config.EMAIL_TIMEOUT;
      this.transport = nodemailer.createTransport({
        url,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      });
    }
    return this.transport;
  }
}
