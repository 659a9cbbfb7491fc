import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { NotificationSettings } from '../../config/notification.settings.js';
import { SmtpEmailSender } from '../email/smtp-email.sender.js';
import { LocalMailbox } from '../mailbox/local-mailbox.js';
import { VapidKeyStore } from '../push/vapid-key.store.js';
import { WebPushSender } from '../push/web-push.sender.js';
import { MailboxSmsProvider } from '../sms/mailbox.sms-provider.js';
import { SMS_PROVIDER, type SmsProvider } from '../sms/sms.provider.js';
import { SslWirelessSmsProvider } from '../sms/ssl-wireless.sms-provider.js';
import { NOTIFICATION_SETTINGS } from './notification-settings.token.js';

/** The providers behind each channel (SMTP or the local mailbox, the SMS gateway, web push), once per app. */
@Global()
@Module({})
export class ChannelsModule {
  static forRoot(settings: NotificationSettings): DynamicModule {
    return {
      module: ChannelsModule,
      providers: [
        { provide: NOTIFICATION_SETTINGS, useValue: settings },
        LocalMailbox,
        SmtpEmailSender,
        VapidKeyStore,
        WebPushSender,
        {
          provide: SMS_PROVIDER,
          inject: [LocalMailbox],
          useFactory: (mailbox: LocalMailbox): SmsProvider => {
            if (settings.sms.kind === 'sslwireless') return new SslWirelessSmsProvider(settings.sms);
            if (!mailbox.store) throw new Error('SMS_PROVIDER=mailbox needs the local mailbox');
            return new MailboxSmsProvider(mailbox.store);
          },
        },
      ],
      exports: [
        NOTIFICATION_SETTINGS,
        LocalMailbox,
        SmtpEmailSender,
        VapidKeyStore,
        WebPushSender,
        SMS_PROVIDER,
      ],
    };
  }
}
