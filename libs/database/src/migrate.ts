import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

export interface MigrateOptions {
  /** Connection as the schema owner. */
  ownerUrl: string;
  /** drizzle-kit's output folder (with `meta/_journal.json`). */
  migrationsFolder: string;
  /** The runtime role that gets DML rights on every table (omit when it is the owner). */
  appRole?: string;
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/**
 * Applies the committed drizzle-kit migrations under an advisory lock (several instances may
 * start together), then: forces row-level security on every table that enabled it, so not even
 * the owner bypasses it, and grants the app role DML on all tables — never DDL.
 */
export async function runMigrations(opts: MigrateOptions): Promise<void> {
  const client = new pg.Client({ connectionString: opts.ownerUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', ['haat-migrate']);
    await migrate(drizzle(client), { migrationsFolder: opts.migrationsFolder });
    const rls = await client.query<{ name: string }>(
      `select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and c.relrowsecurity and not c.relforcerowsecurity and n.nspname = 'public'`,
    );
    for (const { name } of rls.rows) await client.query(`alter table ${name} force row level security`);
    if (opts.appRole) {
      const role = quote(opts.appRole);
      await client.query(`grant usage on schema public to ${role}`);
      await client.query(`grant select, insert, update, delete on all tables in schema public to ${role}`);
      await client.query(`grant usage, select on all sequences in schema public to ${role}`);
    }
    await client.query('select pg_advisory_unlock(hashtext($1))', ['haat-migrate']);
  } finally {
    await client.end();
  }
}
