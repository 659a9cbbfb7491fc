import { duration, list, port, type PlatformConfig } from '@haat/config';
import { z } from 'zod';

/** Development key-encryption key (32 bytes, base64): distributed mode refuses to start with it. */
export const EMBEDDED_KEY_ENCRYPTION_KEY = 'aGFhdC1lbWJlZGRlZC1kZXYta2V5LWRvLW5vdC11c2U=';

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

/** auth-service's own variables, merged with the platform's by `startService`. */
export const AuthServiceConfigSchema = z.object({
  HTTP_PORT: port(4102),
  /** `iss` of access tokens, and what the gateway expects. */
  AUTH_ISSUER: z.string().min(1).default('haat-auth'),
  /** `aud` of access tokens. */
  AUTH_AUDIENCE: z.string().min(1).default('haat-api'),
  AUTH_ACCESS_TOKEN_TTL: duration(10 * 60_000),
  AUTH_REFRESH_TOKEN_TTL: duration(30 * 24 * 3_600_000),
  /** A new signing key after this age (checked hourly and at start). */
  AUTH_SIGNING_KEY_ROTATION: duration(30 * 24 * 3_600_000),
  /** AES-256-GCM key encrypting signing keys at rest (base64, 32 bytes). */
  AUTH_KEY_ENCRYPTION_KEY: base64Key.default(EMBEDDED_KEY_ENCRYPTION_KEY),
  /** Earlier key-encryption keys, still able to decrypt keys written under them. */
  AUTH_KEY_ENCRYPTION_KEYS_PREVIOUS: list().refine(
    (keys) => keys.every((k) => Buffer.from(k, 'base64').length === 32),
    'must be 32-byte base64 keys',
  ),
  AUTH_PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(64).default(10),
  AUTH_EMAIL_TOKEN_TTL: duration(24 * 3_600_000),
  AUTH_RESET_TOKEN_TTL: duration(30 * 60_000),
  AUTH_OTP_TTL: duration(5 * 60_000),
  AUTH_OTP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(5),
  AUTH_OTP_LENGTH: z.coerce.number().int().min(4).max(8).default(6),
  /** Refresh-token cookie for the storefront (`client: "web"`). */
  AUTH_REFRESH_COOKIE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('haat_rt'),
  /** Whether that cookie is `Secure`: only turn off for plain-HTTP local development. */
  AUTH_REFRESH_COOKIE_SECURE: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(true),
  /** Redirect URIs the social-login callback may use (exact match). */
  AUTH_SOCIAL_REDIRECT_URIS: list(['http://demo.localhost:3000/auth/callback']),
  /** Google: enabled when the client id is set; endpoints come from the issuer's discovery. */
  AUTH_GOOGLE_CLIENT_ID: z.string().optional(),
  AUTH_GOOGLE_CLIENT_SECRET: z.string().optional(),
  AUTH_GOOGLE_ISSUER: z.string().url().default('https://accounts.google.com'),
  /** Facebook: enabled when the app id is set. */
  AUTH_FACEBOOK_APP_ID: z.string().optional(),
  AUTH_FACEBOOK_APP_SECRET: z.string().optional(),
  AUTH_FACEBOOK_DIALOG_URL: z.string().url().default('https://www.facebook.com/v25.0/dialog/oauth'),
  AUTH_FACEBOOK_GRAPH_URL: z.string().url().default('https://graph.facebook.com/v25.0'),
  /** Test hook: allow `http:` provider endpoints (local fake providers). */
  AUTH_SOCIAL_ALLOW_HTTP: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  AUTH_SOCIAL_TIMEOUT: duration(10_000),
});

export type AuthServiceConfig = PlatformConfig & z.output<typeof AuthServiceConfigSchema>;

/** Refuses distributed start-up with the development key-encryption key. */
export function assertAuthSecrets(config: AuthServiceConfig): void {
  if (config.HAAT_MODE === 'distributed' && config.AUTH_KEY_ENCRYPTION_KEY === EMBEDDED_KEY_ENCRYPTION_KEY) {
    throw new Error('AUTH_KEY_ENCRYPTION_KEY: must be set to a real key in distributed mode');
  }
}
