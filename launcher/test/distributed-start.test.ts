import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { http, type PlatformProcess, startPlatform, waitForOk, freePortOffset } from './platform-process.js';

const adminUrl = process.env.HAAT_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const prefix = `haat_dist_${randomBytes(3).toString('hex')}`;
const offset = await freePortOffset();
const gateway = `http://127.0.0.1:${8080 + offset}`;
let proc: PlatformProcess | undefined;
const key = () => randomBytes(32).toString('base64');

afterAll(async () => {
  await proc?.stop();
  await rm(`${tmpdir()}/${prefix}-mailbox`, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const dbs = await admin.query<{ datname: string }>(
    'select datname from pg_database where datname like $1',
    [`${prefix}%`],
  );
  for (const { datname } of dbs.rows) await admin.query(`drop database if exists "${datname}" with (force)`);
  const roles = await admin.query<{ rolname: string }>('select rolname from pg_roles where rolname like $1', [
    `${prefix}%`,
  ]);
  for (const { rolname } of roles.rows) await admin.query(`drop role if exists "${rolname}"`);
  await admin.end();
});

describe('the platform in distributed mode (one process per service)', () => {
  it('provisions a database and roles per service and serves through the gateway over NATS and Redis', async () => {
    proc = startPlatform({
      HAAT_MODE: 'distributed',
      HAAT_PORT_OFFSET: String(offset),
      DATABASE_ADMIN_URL: adminUrl,
      DATABASE_NAME_PREFIX: prefix,
      NATS_SUBJECT_PREFIX: prefix.replace(/_/g, ''),
      RATE_LIMIT_KEY_PREFIX: `${prefix}:rl:`,
      INTERNAL_SIGNING_SECRET: `distributed-test-${randomBytes(12).toString('hex')}`,
      // Distributed mode refuses the embedded development keys: each service gets a real one.
      AUTH_KEY_ENCRYPTION_KEY: key(),
      PAYMENT_CREDENTIALS_KEY: key(),
      COURIER_CREDENTIALS_KEY: key(),
      VENDOR_ENCRYPTION_KEY: key(),
      VENDOR_LOOKUP_KEY: key(),
      // No SMTP server here: the mailbox stands in for it.
      MAILBOX_ENABLED: 'true',
      MAILBOX_SMTP_PORT: String(2525 + offset),
      MAILBOX_DIR: `${tmpdir()}/${prefix}-mailbox`,
    });
    const health = (await waitForOk(`${gateway}/health`, proc, 120_000, { host: 'localhost' })).json();
    expect(health).toMatchObject({ status: 'ok' });

    const created = await http(
      'POST',
      `${gateway}/api/v1/platform/tenants`,
      { host: 'localhost', authorization: 'Bearer haat-demo-operator-token' },
      {
        slug: 'dist-shop',
        name: 'Distributed Shop',
        planCode: 'free',
        defaultCurrency: 'BDT',
        defaultLocale: 'en',
      },
    );
    expect(created.status, created.text).toBe(201);
    const shop = await waitForOk(`${gateway}/api/v1/tenant`, proc, 30_000, { host: 'dist-shop.localhost' });
    expect(shop.json()).toMatchObject({ slug: 'dist-shop' });

    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const roles = await admin.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
      'select rolname, rolsuper, rolbypassrls from pg_roles where rolname = $1',
      [`${prefix}_tenant_service_app`],
    );
    await admin.end();
    expect(roles.rows).toEqual([
      { rolname: `${prefix}_tenant_service_app`, rolsuper: false, rolbypassrls: false },
    ]);
  }, 180_000);
});
