import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { type NewTenantRow, type TenantRow, type TenantStatus, tenants } from './tenants.schema.js';

/** What an operator can change; status moves only through `suspend` and `reinstate`. */
export type TenantPatch = Partial<
  Pick<NewTenantRow, 'name' | 'planCode' | 'defaultCurrency' | 'defaultLocale' | 'locales'>
>;

/** The only code touching the `tenants` table. */
@Injectable()
export class TenantsRepository {
  async insert(db: DbExecutor, row: NewTenantRow): Promise<TenantRow> {
    const [created] = await db.insert(tenants).values(row).returning();
    return created as TenantRow;
  }

  async findById(db: DbExecutor, id: string): Promise<TenantRow | undefined> {
    const [row] = await db.select().from(tenants).where(eq(tenants.id, id));
    return row;
  }

  /** The row, locked until the transaction ends: concurrent updates apply one after the other. */
  async lockById(db: DbExecutor, id: string): Promise<TenantRow | undefined> {
    const [row] = await db.select().from(tenants).where(eq(tenants.id, id)).for('update');
    return row;
  }

  async findBySlug(db: DbExecutor, slug: string): Promise<TenantRow | undefined> {
    const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug));
    return row;
  }

  /** `limit + 1` tenants, newest first, before `beforeId`. */
  list(
    db: DbExecutor,
    query: { status?: TenantStatus; limit: number; beforeId?: string },
  ): Promise<TenantRow[]> {
    return db
      .select()
      .from(tenants)
      .where(
        and(
          query.status === undefined ? undefined : eq(tenants.status, query.status),
          query.beforeId === undefined ? undefined : lt(tenants.id, query.beforeId),
        ),
      )
      .orderBy(desc(tenants.id))
      .limit(query.limit + 1);
  }

  async update(db: DbExecutor, id: string, patch: TenantPatch): Promise<TenantRow | undefined> {
    const [row] = await db
      .update(tenants)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(tenants.id, id))
      .returning();
    return row;
  }

  /** Suspends the tenant if it is active, in one statement; undefined otherwise. */
  async suspend(db: DbExecutor, id: string, reason: string): Promise<TenantRow | undefined> {
    const [row] = await db
      .update(tenants)
      .set({ status: 'suspended', suspensionReason: reason, suspendedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(tenants.id, id), eq(tenants.status, 'active')))
      .returning();
    return row;
  }

  /** Reinstates the tenant if it is suspended, in one statement; undefined otherwise. */
  async reinstate(db: DbExecutor, id: string): Promise<TenantRow | undefined> {
    const [row] = await db
      .update(tenants)
      .set({ status: 'active', suspensionReason: null, suspendedAt: null, updatedAt: sql`now()` })
      .where(and(eq(tenants.id, id), eq(tenants.status, 'suspended')))
      .returning();
    return row;
  }
}
