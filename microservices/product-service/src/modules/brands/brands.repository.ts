import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { type BrandRow, brands } from './brands.schema.js';

/** The only code touching `brands`. */
@Injectable()
export class BrandsRepository {
  /** Inserts unless the slug exists; then returns the existing brand. */
  async insertOrGet(
    db: DbExecutor,
    row: typeof brands.$inferInsert,
  ): Promise<{ row: BrandRow; created: boolean }> {
    const [created] = await db.insert(brands).values(row).onConflictDoNothing().returning();
    if (created) return { row: created, created: true };
    const existing = await this.findBySlug(db, row.slug);
    return { row: existing as BrandRow, created: false };
  }

  async findById(db: DbExecutor, id: string): Promise<BrandRow | undefined> {
    const [row] = await db.select().from(brands).where(eq(brands.id, id));
    return row;
  }

  async findBySlug(db: DbExecutor, slug: string): Promise<BrandRow | undefined> {
    const [row] = await db.select().from(brands).where(eq(brands.slug, slug));
    return row;
  }

  async findByName(db: DbExecutor, name: string): Promise<BrandRow | undefined> {
    const [row] = await db
      .select()
      .from(brands)
      .where(sql`lower(${brands.name}) = lower(${name})`)
      .limit(1);
    return row;
  }

  findByIds(db: DbExecutor, ids: readonly string[]): Promise<BrandRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(brands)
      .where(inArray(brands.id, [...ids]));
  }

  list(db: DbExecutor, query: { afterSlug?: string; limit: number }): Promise<BrandRow[]> {
    return db
      .select()
      .from(brands)
      .where(query.afterSlug === undefined ? undefined : gt(brands.slug, query.afterSlug))
      .orderBy(asc(brands.slug))
      .limit(query.limit + 1);
  }
}
