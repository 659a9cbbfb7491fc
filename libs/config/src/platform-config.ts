import { z } from 'zod';
import { list, port, secret, url } from './fields.js';

export const EMBEDDED_SIGNING_SECRET = 'haat-embedded-development-secret-do-not-use';

/** Variables every service reads; a service extends this with its own. */
export const PlatformConfigSchema = z.object({
  HAAT_MODE: z.enum(['embedded', 'distributed']).default('embedded'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** HMAC secret for internal request signatures (current first, then ones being rotated out). */
  INTERNAL_SIGNING_SECRET: secret(EMBEDDED_SIGNING_SECRET),
  INTERNAL_SIGNING_SECRETS_PREVIOUS: list(),
  /** The service's own database (app role). Set by the launcher in embedded mode. */
  DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  /** Owner role URL for migrations; defaults to DATABASE_URL. */
  DATABASE_MIGRATION_URL: url(['postgres', 'postgresql']).optional(),
  /** Superuser/provisioner URL: when set, the service creates its database and roles if missing. */
  DATABASE_ADMIN_URL: url(['postgres', 'postgresql']).optional(),
  /** Prefix of the databases and roles a service provisions (`haat_<service>`). */
  DATABASE_NAME_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,20}$/, 'must be lowercase letters, digits and underscores')
    .default('haat'),
  NATS_URL: url(['nats', 'tls']).optional(),
  /** Subject and stream prefix on NATS, so several platforms can share one server. */
  NATS_SUBJECT_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9]{0,20}$/, 'must be lowercase letters and digits')
    .default('haat'),
  REDIS_URL: url(['redis', 'rediss']).optional(),
  HTTP_HOST: z.string().default('127.0.0.1'),
  HTTP_PORT: port(0),
  GRPC_PORT: port(0),
});
export type PlatformConfig = z.infer<typeof PlatformConfigSchema>;

/** Refuses production-like start-up with development secrets. */
export function assertDistributedSecrets(config: PlatformConfig): void {
  if (config.HAAT_MODE === 'distributed' && config.INTERNAL_SIGNING_SECRET === EMBEDDED_SIGNING_SECRET) {
    throw new Error('INTERNAL_SIGNING_SECRET: must be set to a real secret in distributed mode');
  }
}
