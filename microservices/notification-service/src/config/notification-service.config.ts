import { duration, port, type PlatformConfig, url } from '@haat/config';
import { z } from 'zod';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const count = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** notification-service's own variables, merged with the platform's by `startService`. */
export const NotificationServiceConfigSchema = z.object({
  HTTP_PORT: port(4114),
  /** `From` of every email; the tenant's name replaces the display name when known. */
  EMAIL_FROM: z.string().min(3).default('Haat <no-reply@haat.localhost>'),
  /** Any SMTP server (`smtp://user:pass@host:587`, `smtps://…`); unset = the embedded mailbox. */
  SMTP_URL: url(['smtp', 'smtps']).optional(),
  EMAIL_TIMEOUT: duration(15_000),
  /** Start the local SMTP mailbox; default on in embedded mode only. */
  MAILBOX_ENABLED: flag.optional(),
  MAILBOX_SMTP_HOST: z.string().default('127.0.0.1'),
  MAILBOX_SMTP_PORT: port(2525),
  /** Where the mailbox keeps received messages (one folder per tenant). */
  MAILBOX_DIR: z.string().min(1).default('.data/mailbox'),
  /** Messages kept per tenant; older ones are deleted as new ones arrive. */
  MAILBOX_MAX_MESSAGES: count(500, 100_000),
  /** `sslwireless` (SSL Wireless ISMS Plus v3) or `mailbox` (embedded: SMS land in the mailbox). */
  SMS_PROVIDER: z.enum(['sslwireless', 'mailbox']).optional(),
  SSL_SMS_BASE_URL: url(['http', 'https']).default('https://smsplus.sslwireless.com/api/v3/'),
  SSL_SMS_API_TOKEN: z.string().min(1).optional(),
  /** Stakeholder / masking id issued by SSL Wireless. */
  SSL_SMS_SID: z.string().min(1).optional(),
  SMS_TIMEOUT: duration(10_000),
  /** VAPID keys (URL-safe base64, as `web-push generate-vapid-keys` prints); generated in embedded mode. */
  VAPID_PUBLIC_KEY: z.string().min(80).optional(),
  VAPID_PRIVATE_KEY: z.string().min(40).optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'must be a mailto: or https: URL')
    .default('mailto:ops@haat.localhost'),
  PUSH_TIMEOUT: duration(10_000),
  /** Accept push endpoints on loopback or private addresses (tests, private push services). */
  PUSH_ALLOW_PRIVATE_ENDPOINTS: flag.default(false),
  /** How long a push service keeps an undelivered message. */
  PUSH_TTL: duration(24 * 3_600_000),
  /** Sends of one delivery before it is dead-lettered. */
  DELIVERY_MAX_ATTEMPTS: count(6, 50),
  DELIVERY_RETRY_INITIAL: duration(5_000),
  DELIVERY_RETRY_MAX: duration(15 * 60_000),
  /** The worker also wakes on every new delivery; this is the fallback poll. */
  DELIVERY_POLL_INTERVAL: duration(5_000),
  DELIVERY_BATCH_SIZE: count(20, 500),
  DELIVERY_CONCURRENCY: count(8, 100),
  /** How long a claimed delivery stays invisible to other workers while it is being sent. */
  DELIVERY_LEASE: duration(120_000),
});

export type NotificationServiceConfig = PlatformConfig & z.output<typeof NotificationServiceConfigSchema>;
