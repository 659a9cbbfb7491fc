import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import type { BrandRow } from '../brands/brands.schema.js';
import { BrandsService } from '../brands/brands.service.js';
import { CategoriesService } from '../categories/categories.service.js';
import type { Breadcrumb } from '../categories/dto/category.dto.js';
import type { ProductRow, VariantRow } from './products.schema.js';
import { ProductsRepository } from './products.repository.js';

/** A product with everything its views and events show. */
export interface ProductAggregate {
  product: ProductRow;
  variants: VariantRow[];
  /** Root first, the product's category last; empty without a category. */
  breadcrumbs: Breadcrumb[];
  brand: BrandRow | null;
}

/** Loads many products' aggregates with a fixed number of queries (lists, imports, events). */
@Injectable()
export class ProductAggregateLoader {
  constructor(
    private readonly repo: ProductsRepository,
    private readonly categories: CategoriesService,
    private readonly brands: BrandsService,
  ) {}

  async load(tx: DbExecutor, ids: readonly string[]): Promise<Map<string, ProductAggregate>> {
    return this.assemble(tx, await this.repo.findByIds(tx, ids));
  }

  async loadOne(tx: DbExecutor, id: string): Promise<ProductAggregate | undefined> {
    return (await this.load(tx, [id])).get(id);
  }

  async assemble(tx: DbExecutor, rows: readonly ProductRow[]): Promise<Map<string, ProductAggregate>> {
    const ids = rows.map((r) => r.id);
    // One connection runs one query at a time: these go one after the other.
    const variants = await this.repo.variantsOf(tx, ids);
    const crumbs = await this.categories.breadcrumbsOf(
      tx,
      rows.flatMap((r) => (r.categoryId ? [r.categoryId] : [])),
    );
    const brands = await this.brands.findByIds(tx, [
      ...new Set(rows.flatMap((r) => (r.brandId ? [r.brandId] : []))),
    ]);
    const brandById = new Map(brands.map((b) => [b.id, b]));
    const variantsByProduct = new Map<string, VariantRow[]>();
    for (const v of variants) {
      const list = variantsByProduct.get(v.productId) ?? [];
      list.push(v);
      variantsByProduct.set(v.productId, list);
    }
    return new Map(
      rows.map((product) => [
        product.id,
        {
          product,
          variants: variantsByProduct.get(product.id) ?? [],
          breadcrumbs: product.categoryId ? (crumbs.get(product.categoryId) ?? []) : [],
          brand: product.brandId ? (brandById.get(product.brandId) ?? null) : null,
        },
      ]),
    );
  }
}
