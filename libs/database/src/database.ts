import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/** The Drizzle handle of a service's database (query builder; schemas are passed per query). */
export type Db = NodePgDatabase<Record<string, never>>;
/** A transaction handle: what repositories take as their first argument when joining one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either: repository methods that can run inside or outside a transaction take this. */
export type DbExecutor = Db | Tx;

export interface DatabaseOptions {
  url: string;
  /** Pool size; small by default because every service has its own pool. */
  poolMax?: number;
  applicationName?: string;
  statementTimeoutMs?: number;
}

export interface TransactionOptions {
  isolationLevel?: 'read committed' | 'repeatable read' | 'serializable';
}

/**
 * One service's connection to its own PostgreSQL database, under its least-privilege role.
 * `withTenant` is the only way tenant-owned rows are reached: row-level security hides every
 * row when `app.tenant_id` is not set.
 */
export class Database {
  readonly pool: pg.Pool;
  readonly db: Db;

  constructor(readonly options: DatabaseOptions) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolMax ?? 10,
      application_name: options.applicationName ?? 'haat',
      statement_timeout: options.statementTimeoutMs ?? 15_000,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 10_000,
    });
    // An idle client that loses its server (restart, kill) emits here; the pool replaces it.
    this.pool.on('error', () => undefined);
    // A checked-out client whose connection dies while its holder awaits something else would
    // otherwise raise an unhandled 'error' and end the process; the holder's next query fails instead.
    this.pool.on('connect', (client) => client.on('error', () => undefined));
    this.db = drizzle(this.pool);
  }

  /** A transaction with no tenant set: for platform tables (outbox, inbox) and global data. */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.db.transaction(
      fn,
      options.isolationLevel ? { isolationLevel: options.isolationLevel } : undefined,
    );
  }

  /** A transaction in which row-level security admits only `tenantId`'s rows. */
  withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
      return fn(tx);
    }, options);
  }

  /** True when the database answers; for readiness checks. */
  async ping(): Promise<void> {
    await this.pool.query('select 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
