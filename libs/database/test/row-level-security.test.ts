import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/database.js';
import { pgError } from '../src/pg-errors.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../src/embedded-postgres.js';
import { runMigrations } from '../src/migrate.js';
import { createThrowawayDatabase, testAdminUrl, type ThrowawayDatabase } from '../src/throwaway-database.js';
import { notes } from './fixtures/notes.schema.js';

const migrationsFolder = fileURLToPath(new URL('./fixtures/migrations', import.meta.url));
const tenantA = newId();
const tenantB = newId();

interface Engine {
  name: string;
  adminUrl: () => Promise<string>;
  cleanup: () => Promise<void>;
}

let embedded: RunningPostgres | undefined;
let embeddedDir: string | undefined;

const engines: Engine[] = [
  { name: "the machine's PostgreSQL", adminUrl: async () => testAdminUrl(), cleanup: async () => undefined },
  {
    name: 'the embedded PostgreSQL',
    adminUrl: async () => {
      embeddedDir = await mkdtemp(join(tmpdir(), 'haat-embedded-pg-'));
      embedded = await startEmbeddedPostgres({
        dataDir: embeddedDir,
        port: 20_000 + Math.floor(Math.random() * 20_000),
      });
      return embedded.adminUrl;
    },
    cleanup: async () => {
      await embedded?.stop();
      if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
    },
  },
];

describe.each(engines)('row-level security on $name', (engine) => {
  let throwaway: ThrowawayDatabase;
  let app: Database;

  beforeAll(async () => {
    throwaway = await createThrowawayDatabase('rls-check', await engine.adminUrl());
    await runMigrations({ ownerUrl: throwaway.ownerUrl, migrationsFolder, appRole: throwaway.appRole });
    app = new Database({ url: throwaway.appUrl });
    await app.withTenant(tenantA, (tx) =>
      tx.insert(notes).values({ id: newId(), tenantId: tenantA, body: 'a-secret' }),
    );
    await app.withTenant(tenantB, (tx) =>
      tx.insert(notes).values({ id: newId(), tenantId: tenantB, body: 'b-secret' }),
    );
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await throwaway?.drop();
    await engine.cleanup();
  });

  it('shows no row to a query without a tenant', async () => {
    expect(await app.db.select().from(notes)).toEqual([]);
    expect(await app.transaction((tx) => tx.select().from(notes))).toEqual([]);
  });

  it('shows a tenant only its own rows', async () => {
    const rows = await app.withTenant(tenantA, (tx) => tx.select().from(notes));
    expect(rows.map((r) => r.body)).toEqual(['a-secret']);
  });

  it('refuses to write a row into another tenant', async () => {
    const err = await app
      .withTenant(tenantA, (tx) =>
        tx.insert(notes).values({ id: newId(), tenantId: tenantB, body: 'planted' }),
      )
      .catch((e: unknown) => e);
    expect(pgError(err)?.message).toMatch(/row-level security/);
    const bRows = await app.withTenant(tenantB, (tx) => tx.select().from(notes));
    expect(bRows.map((r) => r.body)).toEqual(['b-secret']);
  });

  it("cannot update or delete another tenant's rows", async () => {
    const updated = await app.withTenant(tenantA, (tx) =>
      tx.update(notes).set({ body: 'x' }).where(eq(notes.tenantId, tenantB)).returning(),
    );
    const deleted = await app.withTenant(tenantA, (tx) =>
      tx.delete(notes).where(eq(notes.tenantId, tenantB)).returning(),
    );
    expect(updated).toEqual([]);
    expect(deleted).toEqual([]);
    const bRows = await app.withTenant(tenantB, (tx) => tx.select().from(notes));
    expect(bRows.map((r) => r.body)).toEqual(['b-secret']);
  });

  it('does not let the app role turn row-level security off', async () => {
    const alter = await app.db
      .execute(sql`alter table notes disable row level security`)
      .catch((e: unknown) => e);
    expect(pgError(alter)?.message).toMatch(/must be owner/);
    const off = await app.pool.query('set row_security = off; select * from notes').catch((e: unknown) => e);
    expect(pgError(off)?.message).toMatch(/row-level security/);
  });

  it('forces row-level security on the owner as well', async () => {
    const owner = new Database({ url: throwaway.ownerUrl });
    try {
      expect(await owner.db.select().from(notes)).toEqual([]);
    } finally {
      await owner.close();
    }
  });

  it('keeps the tenant setting inside its transaction only', async () => {
    await app.withTenant(tenantA, async () => undefined);
    const r = await app.db.execute<{ t: string | null }>(
      sql`select nullif(current_setting('app.tenant_id', true), '') as t`,
    );
    expect(r.rows[0]?.t ?? null).toBeNull();
  });
});
