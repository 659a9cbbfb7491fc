import { PlatformConfigSchema } from '@haat/config';
import { describe, expect, it } from 'vitest';
import {
  type NotificationServiceConfig,
  NotificationServiceConfigSchema,
} from './notification-service.config.js';
import { resolveNotificationSettings } from './notification.settings.js';

function config(env: Record<string, string>): NotificationServiceConfig {
  return PlatformConfigSchema.extend(NotificationServiceConfigSchema.shape).parse(env);
}

describe('resolveNotificationSettings', () => {
  it('uses the embedded mailbox for email and SMS and generated VAPID keys in embedded mode', () => {
    expect(resolveNotificationSettings(config({}))).toEqual({
      mailboxEnabled: true,
      email: { kind: 'mailbox' },
      sms: { kind: 'mailbox' },
      vapid: { kind: 'generated' },
    });
  });

  it('uses SSL Wireless as soon as its token is set', () => {
    const s = resolveNotificationSettings(config({ SSL_SMS_API_TOKEN: 'tok', SSL_SMS_SID: 'HAAT' }));
    expect(s.sms).toMatchObject({ kind: 'sslwireless', apiToken: 'tok', sid: 'HAAT' });
  });

  it('refuses a distributed start without an SMTP server or SMS credentials, naming them', () => {
    expect(() => resolveNotificationSettings(config({ HAAT_MODE: 'distributed' }))).toThrow(
      /SMTP_URL[\s\S]*SSL_SMS_API_TOKEN[\s\S]*SSL_SMS_SID/,
    );
  });

  it('disables web push in distributed mode unless both VAPID keys are set', () => {
    const base = {
      HAAT_MODE: 'distributed',
      SMTP_URL: 'smtp://mail.example.com:587',
      SSL_SMS_API_TOKEN: 'tok',
      SSL_SMS_SID: 'HAAT',
    };
    expect(resolveNotificationSettings(config(base)).vapid).toEqual({ kind: 'disabled' });
    expect(() => resolveNotificationSettings(config({ ...base, VAPID_PUBLIC_KEY: 'B'.repeat(87) }))).toThrow(
      /VAPID_PRIVATE_KEY/,
    );
  });

  it('refuses SMS into a mailbox that is switched off', () => {
    expect(() =>
      resolveNotificationSettings(
        config({ MAILBOX_ENABLED: 'false', SMTP_URL: 'smtp://mail:25', SMS_PROVIDER: 'mailbox' }),
      ),
    ).toThrow(/SMS_PROVIDER/);
  });
});
