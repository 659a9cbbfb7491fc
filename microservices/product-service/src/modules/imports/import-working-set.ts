import type { DbExecutor } from '@haat/database';
import type { ProductAggregate, ProductAggregateLoader } from '../products/product-aggregate.loader.js';
import type { ProductsRepository } from '../products/products.repository.js';
import type { ProductRow, VariantRow } from '../products/products.schema.js';
import type { ParsedRow } from './import-row.parser.js';

export interface WorkingVariant {
  row: VariantRow;
  isNew: boolean;
  dirty: boolean;
}

export interface WorkingProduct {
  row: ProductRow;
  isNew: boolean;
  dirty: boolean;
  variants: WorkingVariant[];
  /** The state before this batch, for the change events (absent for a new product). */
  before?: ProductAggregate;
}

/**
 * What one import batch works on, loaded with a fixed number of queries: the products its
 * rows name (by SKU, handle or retired handle) and the barcodes in use, indexed the ways rows
 * look them up. Rows change this in memory; the writer stores what changed.
 */
export class ImportWorkingSet {
  readonly products = new Map<string, WorkingProduct>();
  readonly bySku = new Map<string, { product: WorkingProduct; variant: WorkingVariant }>();
  readonly byHandle = new Map<string, WorkingProduct>();
  /** Barcode → the SKU holding it. */
  readonly barcodes = new Map<string, string>();

  static async load(
    tx: DbExecutor,
    rows: readonly ParsedRow[],
    repo: ProductsRepository,
    loader: ProductAggregateLoader,
  ): Promise<ImportWorkingSet> {
    const set = new ImportWorkingSet();
    const handles = [...new Set(rows.map((r) => r.handle))];
    const variants = await repo.variantsBySku(tx, [...new Set(rows.map((r) => r.sku))]);
    const current = await repo.findBySlugs(tx, handles);
    const redirects = await repo.findRedirects(tx, handles);
    const barcodeHolders = await repo.variantsByBarcode(tx, [
      ...new Set(rows.flatMap((r) => (r.variant.barcode ? [r.variant.barcode] : []))),
    ]);
    const ids = new Set([
      ...variants.map((v) => v.productId),
      ...current.map((p) => p.id),
      ...redirects.values(),
    ]);
    const aggregates = await loader.load(tx, [...ids]);
    for (const a of aggregates.values()) set.addExisting(a);
    for (const [slug, productId] of redirects) {
      const p = set.products.get(productId);
      if (p && !set.byHandle.has(slug)) set.byHandle.set(slug, p);
    }
    for (const v of barcodeHolders) if (v.barcode) set.barcodes.set(v.barcode, v.sku);
    return set;
  }

  private addExisting(a: ProductAggregate): void {
    const product: WorkingProduct = {
      row: { ...a.product },
      isNew: false,
      dirty: false,
      variants: [],
      before: a,
    };
    this.products.set(product.row.id, product);
    this.byHandle.set(product.row.slug, product);
    for (const v of a.variants) this.addVariant(product, { row: { ...v }, isNew: false, dirty: false });
  }

  addProduct(product: WorkingProduct): void {
    this.products.set(product.row.id, product);
    this.byHandle.set(product.row.slug, product);
  }

  addVariant(product: WorkingProduct, variant: WorkingVariant): void {
    product.variants.push(variant);
    this.bySku.set(variant.row.sku, { product, variant });
    if (variant.row.barcode) this.barcodes.set(variant.row.barcode, variant.row.sku);
  }
}
