import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, asc, eq, gt, inArray, like, sql } from 'drizzle-orm';
import { products } from '../products/products.schema.js';
import {
  type CategoryAttributeRow,
  type CategoryRow,
  categories,
  categoryAttributes,
} from './categories.schema.js';

/** The only code touching `categories` and `category_attributes`. */
@Injectable()
export class CategoriesRepository {
  async insert(db: DbExecutor, row: typeof categories.$inferInsert): Promise<CategoryRow> {
    const [created] = await db.insert(categories).values(row).returning();
    return created as CategoryRow;
  }

  async findById(db: DbExecutor, id: string): Promise<CategoryRow | undefined> {
    const [row] = await db.select().from(categories).where(eq(categories.id, id));
    return row;
  }

  async findBySlug(db: DbExecutor, slug: string): Promise<CategoryRow | undefined> {
    const [row] = await db.select().from(categories).where(eq(categories.slug, slug));
    return row;
  }

  findByIds(db: DbExecutor, ids: readonly string[]): Promise<CategoryRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(categories)
      .where(inArray(categories.id, [...ids]));
  }

  /**
   * Serializes changes to the tenant's tree (moves, new children) until the transaction ends:
   * two concurrent moves could otherwise each pass the cycle check and together make a loop.
   */
  async lockTree(db: DbExecutor, tenantId: string): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`category-tree:${tenantId}`}, 0))`);
  }

  /** `limit + 1` categories in depth-first order (by path), optionally below `underPath`. */
  list(
    db: DbExecutor,
    query: { underPath?: string; afterPath?: string; limit: number },
  ): Promise<CategoryRow[]> {
    return db
      .select()
      .from(categories)
      .where(
        and(
          query.underPath === undefined ? undefined : like(categories.path, `${query.underPath}%`),
          query.afterPath === undefined ? undefined : gt(categories.path, query.afterPath),
        ),
      )
      .orderBy(asc(categories.path))
      .limit(query.limit + 1);
  }

  async update(
    db: DbExecutor,
    id: string,
    patch: Partial<Pick<CategoryRow, 'slug' | 'nameEn' | 'nameBn' | 'position'>>,
  ): Promise<CategoryRow | undefined> {
    const [row] = await db
      .update(categories)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(categories.id, id))
      .returning();
    return row;
  }

  /** Rewrites the path prefix and depth of a whole subtree in one statement; returns the moved ids. */
  async moveSubtree(
    db: DbExecutor,
    move: { id: string; oldPath: string; newPath: string; depthDelta: number; parentId: string | null },
  ): Promise<string[]> {
    await db
      .update(categories)
      .set({ parentId: move.parentId, updatedAt: sql`now()` })
      .where(eq(categories.id, move.id));
    const rows = await db
      .update(categories)
      .set({
        path: sql`${move.newPath} || substr(${categories.path}, ${move.oldPath.length + 1})`,
        depth: sql`${categories.depth} + ${move.depthDelta}`,
      })
      .where(like(categories.path, `${move.oldPath}%`))
      .returning({ id: categories.id });
    return rows.map((r) => r.id);
  }

  /** The deepest depth in a subtree, to keep a move within the depth limit. */
  async subtreeMaxDepth(db: DbExecutor, path: string): Promise<number> {
    const [row] = await db
      .select({ max: sql<number>`max(${categories.depth})::int` })
      .from(categories)
      .where(like(categories.path, `${path}%`));
    return row?.max ?? 0;
  }

  async hasChildrenOrProducts(db: DbExecutor, id: string): Promise<boolean> {
    const [child] = await db
      .select({ id: categories.id })
      .from(categories)
      .where(eq(categories.parentId, id))
      .limit(1);
    if (child) return true;
    const [product] = await db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.categoryId, id))
      .limit(1);
    return product !== undefined;
  }

  async delete(db: DbExecutor, id: string): Promise<boolean> {
    const rows = await db.delete(categories).where(eq(categories.id, id)).returning({ id: categories.id });
    return rows.length > 0;
  }

  async insertAttribute(
    db: DbExecutor,
    row: typeof categoryAttributes.$inferInsert,
  ): Promise<CategoryAttributeRow> {
    const [created] = await db.insert(categoryAttributes).values(row).returning();
    return created as CategoryAttributeRow;
  }

  async deleteAttribute(db: DbExecutor, categoryId: string, code: string): Promise<boolean> {
    const rows = await db
      .delete(categoryAttributes)
      .where(and(eq(categoryAttributes.categoryId, categoryId), eq(categoryAttributes.code, code)))
      .returning({ id: categoryAttributes.id });
    return rows.length > 0;
  }

  /** Every attribute code any category of the tenant defines, sorted. */
  async attributeCodes(db: DbExecutor): Promise<string[]> {
    const rows = await db
      .selectDistinct({ code: categoryAttributes.code })
      .from(categoryAttributes)
      .orderBy(asc(categoryAttributes.code));
    return rows.map((r) => r.code);
  }

  attributesOf(db: DbExecutor, categoryIds: readonly string[]): Promise<CategoryAttributeRow[]> {
    if (categoryIds.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(categoryAttributes)
      .where(inArray(categoryAttributes.categoryId, [...categoryIds]))
      .orderBy(asc(categoryAttributes.position), asc(categoryAttributes.code));
  }
}
