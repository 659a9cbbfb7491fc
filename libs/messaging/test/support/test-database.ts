import { fileURLToPath } from 'node:url';
import { Database, createThrowawayDatabase, runMigrations, testAdminUrl } from '@haat/database';
import pg from 'pg';

const migrationsFolder = fileURLToPath(new URL('../fixtures/migrations', import.meta.url));

export interface TestDatabase {
  /** Under the app role, as a service runs. */
  database: Database;
  /** Another pool on the same database, e.g. for a relay that a test kills. */
  connect(applicationName: string): Database;
  /** Server process ids of this database's connections named `applicationName`. */
  backends(applicationName: string): Promise<number[]>;
  /** Terminates those connections: a crash, as PostgreSQL sees it. */
  terminate(applicationName: string): Promise<number>;
  drop(): Promise<void>;
}

async function asAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: testAdminUrl() });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** A fresh database with the fixture migrations (messaging tables + widgets + effects). */
export async function createTestDatabase(poolMax = 20): Promise<TestDatabase> {
  const throwaway = await createThrowawayDatabase('messaging-test');
  await runMigrations({ ownerUrl: throwaway.ownerUrl, migrationsFolder, appRole: throwaway.appRole });
  const database = new Database({ url: throwaway.appUrl, poolMax, applicationName: 'messaging-test' });
  const extra: Database[] = [];
  return {
    database,
    connect: (applicationName) => {
      const another = new Database({ url: throwaway.appUrl, poolMax: 10, applicationName });
      extra.push(another);
      return another;
    },
    backends: (applicationName) =>
      asAdmin(async (admin) => {
        const result = await admin.query<{ pid: number }>(
          'select pid from pg_stat_activity where datname = $1 and application_name = $2',
          [throwaway.database, applicationName],
        );
        return result.rows.map((r) => r.pid);
      }),
    terminate: (applicationName) =>
      asAdmin(async (admin) => {
        const result = await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and application_name = $2',
          [throwaway.database, applicationName],
        );
        return result.rowCount ?? 0;
      }),
    drop: async () => {
      await Promise.allSettled(extra.map((d) => d.close()));
      await database.close();
      await throwaway.drop();
    },
  };
}
