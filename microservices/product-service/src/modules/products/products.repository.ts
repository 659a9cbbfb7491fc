import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, asc, desc, eq, inArray, like, lt, ne, sql } from 'drizzle-orm';
import { categories } from '../categories/categories.schema.js';
import {
  type NewProductRow,
  type NewVariantRow,
  type ProductRow,
  type ProductStatus,
  productSlugRedirects,
  productVariants,
  products,
  type VariantRow,
} from './products.schema.js';

export type ProductPatch = Partial<
  Omit<NewProductRow, 'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'version'>
>;
export type VariantPatchRow = Partial<Omit<NewVariantRow, 'id' | 'tenantId' | 'productId' | 'createdAt'>>;

export interface ProductListFilter {
  status?: ProductStatus;
  vendorIds?: readonly string[];
  categoryId?: string;
  /** A category's subtree (materialized path prefix). */
  categoryPath?: string;
  brandId?: string;
  tag?: string;
  /** Only the product selling this SKU. */
  sku?: string;
  beforeId?: string;
  limit: number;
}

/** The only code touching `products`, `product_variants` and `product_slug_redirects`. */
@Injectable()
export class ProductsRepository {
  async insertProduct(db: DbExecutor, row: NewProductRow): Promise<ProductRow> {
    const [created] = await db.insert(products).values(row).returning();
    return created as ProductRow;
  }

  async insertProducts(db: DbExecutor, rows: readonly NewProductRow[]): Promise<void> {
    if (rows.length > 0) await db.insert(products).values([...rows]);
  }

  async insertVariants(db: DbExecutor, rows: readonly NewVariantRow[]): Promise<void> {
    if (rows.length > 0) await db.insert(productVariants).values([...rows]);
  }

  async findById(db: DbExecutor, id: string): Promise<ProductRow | undefined> {
    const [row] = await db.select().from(products).where(eq(products.id, id));
    return row;
  }

  /** The row locked until the transaction ends: changes to one product apply one after another. */
  async lockById(db: DbExecutor, id: string): Promise<ProductRow | undefined> {
    const [row] = await db.select().from(products).where(eq(products.id, id)).for('update');
    return row;
  }

  findByIds(db: DbExecutor, ids: readonly string[]): Promise<ProductRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(products)
      .where(inArray(products.id, [...ids]));
  }

  findBySlugs(db: DbExecutor, slugs: readonly string[]): Promise<ProductRow[]> {
    if (slugs.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(products)
      .where(inArray(products.slug, [...slugs]));
  }

  async findBySlug(db: DbExecutor, slug: string): Promise<ProductRow | undefined> {
    const [row] = await db.select().from(products).where(eq(products.slug, slug));
    return row;
  }

  /** Retired slugs → product ids. */
  async findRedirects(db: DbExecutor, slugs: readonly string[]): Promise<Map<string, string>> {
    if (slugs.length === 0) return new Map();
    const rows = await db
      .select({ slug: productSlugRedirects.slug, productId: productSlugRedirects.productId })
      .from(productSlugRedirects)
      .where(inArray(productSlugRedirects.slug, [...slugs]));
    return new Map(rows.map((r) => [r.slug, r.productId]));
  }

  /** Keeps `slug` redirecting to `productId` (a retired slug of that product). */
  async addRedirect(db: DbExecutor, tenantId: string, slug: string, productId: string): Promise<void> {
    await db
      .insert(productSlugRedirects)
      .values({ tenantId, slug, productId })
      .onConflictDoUpdate({
        target: [productSlugRedirects.tenantId, productSlugRedirects.slug],
        set: { productId, createdAt: sql`now()` },
      });
  }

  async removeRedirect(db: DbExecutor, slug: string, productId: string): Promise<void> {
    await db
      .delete(productSlugRedirects)
      .where(and(eq(productSlugRedirects.slug, slug), eq(productSlugRedirects.productId, productId)));
  }

  variantsOf(db: DbExecutor, productIds: readonly string[]): Promise<VariantRow[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(productVariants)
      .where(inArray(productVariants.productId, [...productIds]))
      .orderBy(asc(productVariants.position), asc(productVariants.id));
  }

  variantsBySku(db: DbExecutor, skus: readonly string[]): Promise<VariantRow[]> {
    if (skus.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(productVariants)
      .where(inArray(productVariants.sku, [...skus]));
  }

  variantsByBarcode(db: DbExecutor, barcodes: readonly string[]): Promise<VariantRow[]> {
    if (barcodes.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(productVariants)
      .where(inArray(productVariants.barcode, [...barcodes]));
  }

  /**
   * Applies `patch` and bumps the version; with `expectedVersion`, only if the row still has
   * it (optimistic concurrency). Undefined when nothing matched.
   */
  async updateProduct(
    db: DbExecutor,
    id: string,
    patch: ProductPatch,
    expectedVersion?: number,
  ): Promise<ProductRow | undefined> {
    const [row] = await db
      .update(products)
      .set({ ...patch, version: sql`${products.version} + 1`, updatedAt: sql`now()` })
      .where(
        and(
          eq(products.id, id),
          expectedVersion === undefined ? undefined : eq(products.version, expectedVersion),
        ),
      )
      .returning();
    return row;
  }

  async updateVariant(db: DbExecutor, id: string, patch: VariantPatchRow): Promise<void> {
    await db
      .update(productVariants)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(productVariants.id, id));
  }

  async deleteVariant(db: DbExecutor, id: string): Promise<void> {
    await db.delete(productVariants).where(eq(productVariants.id, id));
  }

  async deleteProduct(db: DbExecutor, id: string): Promise<void> {
    await db.delete(products).where(eq(products.id, id));
  }

  /** Products that count against the plan: every one not archived. */
  async countCounted(db: DbExecutor): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(products)
      .where(ne(products.status, 'archived'));
    return row?.n ?? 0;
  }

  /**
   * Serializes plan-limit checks of a tenant until the transaction ends, so two concurrent
   * creates cannot both take the last free place.
   */
  async lockProductCount(db: DbExecutor, tenantId: string): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`product-count:${tenantId}`}, 0))`);
  }

  /** `limit + 1` products, newest first. */
  list(db: DbExecutor, f: ProductListFilter): Promise<ProductRow[]> {
    const conditions = [
      f.status === undefined ? undefined : eq(products.status, f.status),
      f.vendorIds === undefined ? undefined : inArray(products.vendorId, [...f.vendorIds]),
      f.categoryId === undefined ? undefined : eq(products.categoryId, f.categoryId),
      f.brandId === undefined ? undefined : eq(products.brandId, f.brandId),
      f.tag === undefined ? undefined : sql`${products.tags} @> array[${f.tag}]::text[]`,
      f.sku === undefined
        ? undefined
        : sql`exists (select 1 from ${productVariants} where ${productVariants.productId} = ${products.id} and ${productVariants.sku} = ${f.sku})`,
      f.beforeId === undefined ? undefined : lt(products.id, f.beforeId),
    ];
    if (f.vendorIds !== undefined && f.vendorIds.length === 0) return Promise.resolve([]);
    const base = db.select({ p: products }).from(products);
    const query =
      f.categoryPath === undefined
        ? base.where(and(...conditions))
        : base
            .innerJoin(categories, eq(categories.id, products.categoryId))
            .where(and(...conditions, like(categories.path, `${f.categoryPath}%`)));
    return query
      .orderBy(desc(products.id))
      .limit(f.limit + 1)
      .then((rows) => rows.map((r) => r.p));
  }

  /** Every product with id above `afterId`, oldest first, for exports. */
  exportPage(
    db: DbExecutor,
    afterId: string | undefined,
    limit: number,
    vendorIds?: readonly string[],
  ): Promise<ProductRow[]> {
    return db
      .select()
      .from(products)
      .where(
        and(
          afterId === undefined ? undefined : sql`${products.id} > ${afterId}`,
          vendorIds === undefined ? undefined : inArray(products.vendorId, [...vendorIds]),
        ),
      )
      .orderBy(asc(products.id))
      .limit(limit);
  }
}
