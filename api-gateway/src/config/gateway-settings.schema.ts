import { EMBEDDED_SIGNING_SECRET, bool, duration, list, port, secret, url } from '@haat/config';
import { z } from 'zod';
import { isValidHostName } from '../tenancy/host-name.js';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const hostName = z
  .string()
  .transform((v) => v.toLowerCase())
  .refine(isValidHostName, 'must be a host name like localhost or haat.example');

/**
 * `false`, `true`, or comma-separated addresses/CIDRs/`loopback` whose `X-Forwarded-*` headers
 * are trusted (the nginx edge in front of the gateway).
 */
const trustProxy = z
  .string()
  .default('loopback')
  .transform((v): boolean | string[] => {
    if (v === 'true' || v === 'false') return v === 'true';
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  });

/** Every variable the gateway reads, with its embedded default. */
export const GatewaySettingsSchema = z
  .object({
    HAAT_MODE: z.enum(['embedded', 'distributed']).default('embedded'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PORT: port(8080),
    HTTP_HOST: z.string().min(1).default('0.0.0.0'),
    /** Tenants answer at `<slug>.<base domain>`; the base domain itself is the platform host. */
    HAAT_BASE_DOMAIN: hostName.default('localhost'),
    /** Hosts serving platform-scope routes; default: the base domain and `api.<base domain>`. */
    HAAT_PLATFORM_HOSTS: list(),
    INTERNAL_SIGNING_SECRET: secret(EMBEDDED_SIGNING_SECRET),
    /** Redis for shared rate limits (distributed mode); without it limits are in-process. */
    REDIS_URL: url(['redis', 'rediss']).optional(),
    /** Bootstrap operator credential (platform hosts only); operators normally sign in. */
    HAAT_OPERATOR_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
    /** `iss` and `aud` access tokens must carry (auth-service's `AUTH_ISSUER`/`AUTH_AUDIENCE`). */
    AUTH_ISSUER: z.string().min(1).default('haat-auth'),
    AUTH_AUDIENCE: z.string().min(1).default('haat-api'),
    /** Clock skew allowed on `exp`/`nbf` of access tokens. */
    AUTH_CLOCK_TOLERANCE: duration(5_000),
    /** Least time between two JWKS fetches (an unknown `kid` cannot make it fetch more often). */
    AUTH_JWKS_MIN_REFETCH_INTERVAL: duration(5_000),
    /** How often the revoked-session list is polled: the longest a revoked session still passes. */
    AUTH_REVOCATION_POLL_INTERVAL: duration(3_000),
    /** How far back the start-up backfill reads: at least auth-service's access-token TTL + 1 min. */
    AUTH_REVOCATION_LOOKBACK: duration(15 * 60_000),
    BODY_LIMIT_BYTES: positiveInt(1024 * 1024),
    TLS_CERT_FILE: z.string().min(1).optional(),
    TLS_KEY_FILE: z.string().min(1).optional(),
    TRUST_PROXY: trustProxy,
    RATE_LIMIT_ENABLED: bool(true),
    RATE_LIMIT_IP_PER_MINUTE: positiveInt(300),
    RATE_LIMIT_USER_PER_MINUTE: positiveInt(600),
    /** Prefix of every Redis rate-limit key (tests give each run its own). */
    RATE_LIMIT_KEY_PREFIX: z.string().min(1).default('haat:api-gateway:rl:'),
    UPSTREAM_TIMEOUT: duration(10_000),
    UPSTREAM_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
    BREAKER_FAILURES: positiveInt(5),
    BREAKER_HALF_OPEN_AFTER: duration(5_000),
    TENANT_CACHE_TTL: duration(30_000),
    TENANT_NEGATIVE_CACHE_TTL: duration(10_000),
    OPENAPI_CACHE_TTL: duration(60_000),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.TLS_CERT_FILE) !== Boolean(v.TLS_KEY_FILE)) {
      const missing = v.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'TLS_CERT_FILE and TLS_KEY_FILE go together',
      });
    }
    if (v.HAAT_MODE === 'distributed' && v.INTERNAL_SIGNING_SECRET === EMBEDDED_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['INTERNAL_SIGNING_SECRET'],
        message: 'must be set to a real secret in distributed mode',
      });
    }
  });

export type GatewaySettings = z.output<typeof GatewaySettingsSchema>;
