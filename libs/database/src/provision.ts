import pg from 'pg';
import { rolePassword, serviceDbNames, withCredentials } from './names.js';

export interface ProvisionOptions {
  /** A superuser (or CREATEDB + CREATEROLE) connection to the server's `postgres` database. */
  adminUrl: string;
  service: string;
  /** Platform secret the role passwords derive from. */
  secret: string;
  prefix?: string;
}

export interface ProvisionedDatabase {
  database: string;
  /** Owns the schema: runs migrations. Never used to serve requests. */
  ownerUrl: string;
  /** Reads and writes rows only, under row-level security: what the service runs as. */
  appUrl: string;
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function ensureRole(client: pg.Client, role: string, password: string): Promise<void> {
  const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
  const verb = exists.rowCount ? 'alter' : 'create';
  await client.query(
    `${verb} role ${quote(role)} with login nosuperuser nocreatedb nocreaterole nobypassrls password ${literal(password)}`,
  );
}

/**
 * Creates (if missing) a service's database, its owner role (runs migrations) and its app role
 * (DML only, subject to row-level security). Safe to run on every start and from several
 * processes at once.
 */
export async function provisionServiceDatabase(opts: ProvisionOptions): Promise<ProvisionedDatabase> {
  const names = serviceDbNames(opts.service, opts.prefix);
  const ownerPw = rolePassword(opts.secret, names.ownerRole);
  const appPw = rolePassword(opts.secret, names.appRole);
  const admin = new pg.Client({ connectionString: opts.adminUrl });
  await admin.connect();
  try {
    // Serialise provisioning across processes starting together.
    await admin.query('select pg_advisory_lock(hashtext($1))', [`haat-provision:${names.database}`]);
    await ensureRole(admin, names.ownerRole, ownerPw);
    await ensureRole(admin, names.appRole, appPw);
    const db = await admin.query('select 1 from pg_database where datname = $1', [names.database]);
    if (!db.rowCount)
      await admin.query(`create database ${quote(names.database)} owner ${quote(names.ownerRole)}`);
    await admin.query(`revoke all on database ${quote(names.database)} from public`);
    await admin.query(
      `grant connect, temporary on database ${quote(names.database)} to ${quote(names.appRole)}`,
    );
    await admin.query('select pg_advisory_unlock(hashtext($1))', [`haat-provision:${names.database}`]);
  } finally {
    await admin.end();
  }
  const ownerUrl = withCredentials(opts.adminUrl, names.ownerRole, ownerPw, names.database);
  const appUrl = withCredentials(opts.adminUrl, names.appRole, appPw, names.database);
  return { database: names.database, ownerUrl, appUrl };
}

/** Drops a service database and its roles (tests and teardown only). */
export async function dropServiceDatabase(adminUrl: string, service: string, prefix?: string): Promise<void> {
  const names = serviceDbNames(service, prefix);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${quote(names.database)} with (force)`);
    await admin.query(`drop role if exists ${quote(names.appRole)}`);
    await admin.query(`drop role if exists ${quote(names.ownerRole)}`);
  } finally {
    await admin.end();
  }
}
