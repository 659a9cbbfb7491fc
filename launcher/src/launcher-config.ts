import { resolve } from 'node:path';
import { ConfigError, EMBEDDED_SIGNING_SECRET, loadConfig, port, secret } from '@haat/config';
import { z } from 'zod';

export const LauncherConfigSchema = z.object({
  HAAT_MODE: z.enum(['embedded', 'distributed']).default('embedded'),
  /** Where embedded mode keeps its PostgreSQL cluster, files and mailbox. */
  HAAT_DATA_DIR: z.string().default('.data'),
  HAAT_EMBEDDED_PG_PORT: port(54_329),
  /** Added to every default port, so two platforms can run on one machine (tests do). */
  HAAT_PORT_OFFSET: z.coerce.number().int().min(0).max(20_000).default(0),
  PORT: port(8080),
  HAAT_BASE_DOMAIN: z.string().default('localhost'),
  INTERNAL_SIGNING_SECRET: secret(EMBEDDED_SIGNING_SECRET),
  HAAT_OPERATOR_TOKEN: z.string().min(16).default('haat-demo-operator-token'),
  HAAT_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Distributed mode: a provisioner connection to PostgreSQL, NATS and Redis. */
  DATABASE_ADMIN_URL: z.string().default('postgres://postgres@127.0.0.1:5432/postgres'),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
});
export type LauncherConfig = z.infer<typeof LauncherConfigSchema>;

export function loadLauncherConfig(
  env: Record<string, string | undefined> = process.env,
): LauncherConfig & { dataDir: string } {
  const config = loadConfig('launcher', LauncherConfigSchema, env);
  const highest = Math.max(config.HAAT_EMBEDDED_PG_PORT, config.PORT, 5_200) + config.HAAT_PORT_OFFSET;
  if (highest > 65_535) {
    throw new ConfigError('launcher', [
      { variable: 'HAAT_PORT_OFFSET', message: `puts a port at ${highest}, above 65535` },
    ]);
  }
  return { ...config, dataDir: resolve(config.HAAT_DATA_DIR) };
}
