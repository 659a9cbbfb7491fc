import { ConfigError } from '@haat/config';
import type { NotificationServiceConfig } from './notification-service.config.js';

export type EmailSettings = { kind: 'smtp'; url: string } | { kind: 'mailbox' };

export type SmsSettings =
  | { kind: 'sslwireless'; baseUrl: string; apiToken: string; sid: string; timeoutMs: number }
  | { kind: 'mailbox' };

export type VapidSettings =
  | { kind: 'configured'; publicKey: string; privateKey: string }
  | { kind: 'generated' }
  | { kind: 'disabled' };

/** The channel set-up the variables add up to, checked together once at start. */
export interface NotificationSettings {
  mailboxEnabled: boolean;
  email: EmailSettings;
  sms: SmsSettings;
  vapid: VapidSettings;
}

const SERVICE = 'notification-service';

/**
 * Derives how each channel delivers from the variables, refusing combinations that cannot work
 * (a production start without an SMTP server, half a VAPID key pair) with the variable named.
 */
export function resolveNotificationSettings(config: NotificationServiceConfig): NotificationSettings {
  const problems: { variable: string; message: string }[] = [];
  const embedded = config.HAAT_MODE === 'embedded';
  const mailboxEnabled = config.MAILBOX_ENABLED ?? embedded;

  let email: EmailSettings = { kind: 'mailbox' };
  if (config.SMTP_URL) email = { kind: 'smtp', url: config.SMTP_URL };
  else if (!mailboxEnabled) {
    problems.push({ variable: 'SMTP_URL', message: 'must be set when the embedded mailbox is off' });
  }

  let sms: SmsSettings = { kind: 'mailbox' };
  const provider =
    config.SMS_PROVIDER ?? (config.SSL_SMS_API_TOKEN || !mailboxEnabled ? 'sslwireless' : 'mailbox');
  if (provider === 'sslwireless') {
    if (!config.SSL_SMS_API_TOKEN) {
      problems.push({
        variable: 'SSL_SMS_API_TOKEN',
        message: 'must be set for the sslwireless SMS provider',
      });
    }
    if (!config.SSL_SMS_SID) {
      problems.push({ variable: 'SSL_SMS_SID', message: 'must be set for the sslwireless SMS provider' });
    }
    sms = {
      kind: 'sslwireless',
      baseUrl: config.SSL_SMS_BASE_URL,
      apiToken: config.SSL_SMS_API_TOKEN ?? '',
      sid: config.SSL_SMS_SID ?? '',
      timeoutMs: config.SMS_TIMEOUT,
    };
  } else if (!mailboxEnabled) {
    problems.push({ variable: 'SMS_PROVIDER', message: 'mailbox needs MAILBOX_ENABLED=true' });
  }

  let vapid: VapidSettings = embedded ? { kind: 'generated' } : { kind: 'disabled' };
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) {
    vapid = { kind: 'configured', publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY };
  } else if (config.VAPID_PUBLIC_KEY || config.VAPID_PRIVATE_KEY) {
    const missing = config.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY';
    problems.push({ variable: missing, message: 'must be set together with the other VAPID key' });
  }

  if (problems.length > 0) throw new ConfigError(SERVICE, problems);
  return { mailboxEnabled, email, sms, vapid };
}
