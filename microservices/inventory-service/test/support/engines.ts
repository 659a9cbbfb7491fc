import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, testAdminUrl, type RunningPostgres } from '@haat/database';

/** A PostgreSQL server tests create their throwaway databases on. */
export interface Engine {
  name: string;
  start(): Promise<string>;
  stop(): Promise<void>;
}

/** The machine's PostgreSQL 15 (or `HAAT_TEST_ADMIN_URL`). */
export function machinePostgres(): Engine {
  return { name: "the machine's PostgreSQL", start: async () => testAdminUrl(), stop: async () => undefined };
}

/** The embedded PostgreSQL from the npm registry, in a temporary directory on a random port. */
export function embeddedPostgres(): Engine {
  let server: RunningPostgres | undefined;
  let dir: string | undefined;
  return {
    name: 'the embedded PostgreSQL',
    async start() {
      dir = await mkdtemp(join(tmpdir(), 'haat-inventory-pg-'));
      server = await startEmbeddedPostgres({
        dataDir: dir,
        port: 20_000 + Math.floor(Math.random() * 20_000),
      });
      return server.adminUrl;
    },
    async stop() {
      await server?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
