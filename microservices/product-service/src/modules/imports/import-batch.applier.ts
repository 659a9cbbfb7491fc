import { Injectable } from '@nestjs/common';
import { isAppError, newId } from '@haat/common';
import type { Tx } from '@haat/database';
import type { TenantContext } from '@haat/tenant';
import { scopeCovers, vendorForNewProduct, type VendorScope } from '../access/vendor-scope.js';
import type { BrandRow } from '../brands/brands.schema.js';
import { BrandsService } from '../brands/brands.service.js';
import { checkAttributeValues } from '../categories/attribute-values.rules.js';
import { type CategoryAttributeSet, CategoriesService } from '../categories/categories.service.js';
import type { CategoryRow } from '../categories/categories.schema.js';
import { ProductAggregateLoader } from '../products/product-aggregate.loader.js';
import { ProductLimitService } from '../products/product-limit.service.js';
import { PRODUCT_ERRORS } from '../products/products.errors.js';
import { ProductsRepository } from '../products/products.repository.js';
import type { ProductOption, ProductRow, VariantRow } from '../products/products.schema.js';
import { optionKey } from '../products/variant-matrix.rules.js';
import type { ParsedRow, RowError } from './import-row.parser.js';
import { ImportWorkingSet, type WorkingProduct } from './import-working-set.js';

export type RowOutcome = 'created' | 'updated' | 'unchanged';

export interface AppliedBatch {
  set: ImportWorkingSet;
  outcomes: RowOutcome[];
  errors: RowError[];
}

/** Per-batch lookups of categories, their attribute sets and brands. */
interface Lookups {
  categories: Map<string, CategoryRow | null>;
  attributeSets: Map<string | null, CategoryAttributeSet>;
  brands: Map<string, BrandRow>;
}

class RowRefused extends Error {
  constructor(
    readonly column: string | null,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const bigintSafe = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);
const equal = (a: unknown, b: unknown) => JSON.stringify(a, bigintSafe) === JSON.stringify(b, bigintSafe);

/**
 * Applies one batch of parsed rows to the catalogue in memory (upsert by SKU: a row whose
 * values are already there changes nothing). A refused row leaves no trace; the others land.
 */
@Injectable()
export class ImportBatchApplier {
  constructor(
    private readonly repo: ProductsRepository,
    private readonly loader: ProductAggregateLoader,
    private readonly categories: CategoriesService,
    private readonly brands: BrandsService,
    private readonly limits: ProductLimitService,
  ) {}

  async apply(
    ctx: TenantContext,
    scope: VendorScope,
    tx: Tx,
    rows: readonly ParsedRow[],
  ): Promise<AppliedBatch> {
    const set = await ImportWorkingSet.load(tx, rows, this.repo, this.loader);
    const allowed = await this.allowedToGrow(ctx, tx, set, rows);
    const lookups: Lookups = { categories: new Map(), attributeSets: new Map(), brands: new Map() };
    const outcomes: RowOutcome[] = [];
    const errors: RowError[] = [];
    for (const row of rows) {
      try {
        outcomes.push(await this.applyRow(ctx, scope, tx, set, lookups, allowed, row));
      } catch (err) {
        if (!(err instanceof RowRefused)) throw err;
        errors.push({
          line: row.line,
          column: err.column,
          code: err.code,
          message: err.message,
          sku: row.sku,
        });
      }
    }
    return { set, outcomes, errors };
  }

  /**
   * Rows that add to the plan's count (a new handle, an archived product made live again), in
   * file order, up to the room the plan leaves: one limit check per batch.
   */
  private async allowedToGrow(
    ctx: TenantContext,
    tx: Tx,
    set: ImportWorkingSet,
    rows: readonly ParsedRow[],
  ): Promise<Set<string>> {
    const wanted: string[] = [];
    for (const row of rows) {
      const target = set.bySku.get(row.sku)?.product ?? set.byHandle.get(row.handle);
      const key = !target
        ? `new:${row.handle}`
        : target.row.status === 'archived' &&
            row.product.status !== undefined &&
            row.product.status !== 'archived'
          ? `revive:${target.row.id}`
          : undefined;
      if (key && !wanted.includes(key)) wanted.push(key);
    }
    const room = await this.limits.room(ctx, tx, wanted.length);
    return new Set(wanted.slice(0, room));
  }

  private async applyRow(
    ctx: TenantContext,
    scope: VendorScope,
    tx: Tx,
    set: ImportWorkingSet,
    lookups: Lookups,
    allowed: Set<string>,
    row: ParsedRow,
  ): Promise<RowOutcome> {
    const hit = set.bySku.get(row.sku);
    const byHandle = set.byHandle.get(row.handle);
    if (hit && byHandle && byHandle !== hit.product) {
      throw new RowRefused(
        'handle',
        'IMPORT_SKU_OF_OTHER_PRODUCT',
        `SKU ${row.sku} belongs to product ${hit.product.row.slug}`,
      );
    }
    const target = hit?.product ?? byHandle;
    const p = row.product;
    if (target && !scopeCovers(scope, target.row.vendorId)) {
      throw new RowRefused(
        'handle',
        'PRODUCT_VENDOR_FORBIDDEN',
        "You can only change your own vendor's products",
      );
    }
    if (target && p.vendorId !== undefined && p.vendorId !== target.row.vendorId) {
      throw new RowRefused('vendor_id', 'IMPORT_VENDOR_CHANGE', 'A product cannot move to another vendor');
    }
    if (!target && !allowed.has(`new:${row.handle}`)) {
      throw new RowRefused(
        'handle',
        PRODUCT_ERRORS.limitReached,
        "The tenant's plan allows no more products",
      );
    }
    if (
      target?.row.status === 'archived' &&
      p.status !== undefined &&
      p.status !== 'archived' &&
      !allowed.has(`revive:${target.row.id}`)
    ) {
      throw new RowRefused(
        'status',
        PRODUCT_ERRORS.limitReached,
        "The tenant's plan allows no more products",
      );
    }
    if (!target && p.nameEn === undefined)
      throw new RowRefused('name_en', 'required', 'name_en is required for a new product');
    let vendorId = target?.row.vendorId;
    if (!vendorId) {
      try {
        vendorId = vendorForNewProduct(scope, p.vendorId);
      } catch (err) {
        throw new RowRefused(
          'vendor_id',
          isAppError(err) ? err.code : 'invalid',
          err instanceof Error ? err.message : 'bad vendor',
        );
      }
    }

    const categoryId =
      p.categorySlug === undefined
        ? (target?.row.categoryId ?? null)
        : (await this.category(tx, lookups, p.categorySlug)).id;
    const status = p.status ?? target?.row.status ?? 'draft';
    const attributeSet = await this.attributeSet(tx, lookups, categoryId);
    const checked = checkAttributeValues(
      { ...(target?.row.attributes ?? {}), ...p.attributes },
      attributeSet,
      {
        requireAll: status === 'active',
      },
    );
    const firstIssue = checked.issues[0];
    if (firstIssue) {
      throw new RowRefused(
        `attr:${firstIssue.field.replace(/^attributes\./, '')}`,
        PRODUCT_ERRORS.invalidAttributes,
        `${firstIssue.field} ${firstIssue.message}`,
      );
    }

    const names = row.options.map(([n]) => n);
    const hasVariants = (target?.variants.length ?? 0) > 0;
    if (
      target &&
      hasVariants &&
      !equal(
        target.row.options.map((o) => o.name),
        names,
      )
    ) {
      throw new RowRefused(
        'option1_name',
        PRODUCT_ERRORS.optionsInvalid,
        `This product's options are: ${target.row.options.map((o) => o.name).join(', ') || 'none'}`,
      );
    }
    const options: ProductOption[] = names.map((name, i) => {
      const value = row.options[i]?.[1] as string;
      const existing = target?.row.options.find((o) => o.name === name)?.values ?? [];
      return { name, values: existing.includes(value) ? existing : [...existing, value] };
    });
    const values = Object.fromEntries(row.options);
    const key = optionKey(options, values);
    const twin = target?.variants.find((v) => v.row.optionKey === key && v.row.sku !== row.sku);
    if (twin)
      throw new RowRefused(
        'option1_value',
        PRODUCT_ERRORS.invalidVariants,
        `This combination is already sold as SKU ${twin.row.sku}`,
      );
    const v = row.variant;
    const barcodeHolder = v.barcode ? set.barcodes.get(v.barcode) : undefined;
    if (barcodeHolder && barcodeHolder !== row.sku) {
      throw new RowRefused(
        'barcode',
        PRODUCT_ERRORS.barcodeTaken,
        `Barcode ${v.barcode} belongs to SKU ${barcodeHolder}`,
      );
    }
    const otherCurrency = target?.variants.find(
      (w) => w.row.sku !== row.sku && w.row.currency !== v.currency,
    );
    if (otherCurrency)
      throw new RowRefused(
        'currency',
        PRODUCT_ERRORS.currencyMismatch,
        `This product sells in ${otherCurrency.row.currency}`,
      );
    const brandId =
      p.brandName === undefined
        ? (target?.row.brandId ?? null)
        : (await this.brand(ctx, tx, lookups, p.brandName)).id;

    // Every check passed: change the working set.
    const product = target ?? this.newProduct(ctx, set, row, vendorId);
    const productFields: Partial<ProductRow> = {
      categoryId,
      brandId,
      status,
      attributes: checked.values,
      options,
      ...(p.nameEn !== undefined && { nameEn: p.nameEn }),
      ...(p.nameBn !== undefined && { nameBn: p.nameBn }),
      ...(p.descriptionEn !== undefined && { descriptionEn: p.descriptionEn }),
      ...(p.descriptionBn !== undefined && { descriptionBn: p.descriptionBn }),
      ...(p.tags !== undefined && { tags: p.tags }),
      ...(p.metaTitle !== undefined && { metaTitle: p.metaTitle }),
      ...(p.metaDescription !== undefined && { metaDescription: p.metaDescription }),
      ...(p.canonicalUrl !== undefined && { canonicalUrl: p.canonicalUrl }),
    };
    let changed = this.assign(product.row, productFields);
    if (changed && !product.isNew) product.dirty = true;
    // A new value for an option changes other variants' keys' meaning: recompute them.
    for (const w of product.variants) {
      const k = optionKey(product.row.options, w.row.options);
      if (k !== w.row.optionKey) {
        w.row.optionKey = k;
        if (!w.isNew) w.dirty = true;
      }
    }
    const variantFields: Partial<VariantRow> = {
      options: values,
      optionKey: key,
      priceMinor: v.priceMinor,
      currency: v.currency,
      compareAtMinor: v.compareAtMinor,
      costMinor: v.costMinor,
      barcode: v.barcode,
      weightGrams: v.weightGrams,
      lengthMm: v.dimensions?.length ?? null,
      widthMm: v.dimensions?.width ?? null,
      heightMm: v.dimensions?.height ?? null,
    };
    const existing = set.bySku.get(row.sku)?.variant;
    if (existing) {
      if (this.assign(existing.row, variantFields) && !existing.isNew) {
        existing.dirty = true;
        changed = true;
      }
      if (existing.row.barcode) set.barcodes.set(existing.row.barcode, row.sku);
      if (product.isNew || existing.isNew) return 'created';
      return changed ? 'updated' : 'unchanged';
    }
    set.addVariant(product, {
      row: {
        id: newId(),
        tenantId: ctx.tenantId,
        productId: product.row.id,
        sku: row.sku,
        position: product.variants.length,
        createdAt: new Date(),
        updatedAt: new Date(),
        ...(variantFields as Omit<
          VariantRow,
          'id' | 'tenantId' | 'productId' | 'sku' | 'position' | 'createdAt' | 'updatedAt'
        >),
      },
      isNew: true,
      dirty: false,
    });
    return 'created';
  }

  private newProduct(
    ctx: TenantContext,
    set: ImportWorkingSet,
    row: ParsedRow,
    vendorId: string,
  ): WorkingProduct {
    const now = new Date();
    const product: WorkingProduct = {
      row: {
        id: newId(),
        tenantId: ctx.tenantId,
        vendorId,
        categoryId: null,
        brandId: null,
        status: 'draft',
        slug: row.handle,
        nameEn: row.product.nameEn ?? row.handle,
        nameBn: null,
        descriptionEn: null,
        descriptionBn: null,
        metaTitle: null,
        metaDescription: null,
        canonicalUrl: null,
        tags: [],
        attributes: {},
        options: [],
        mediaIds: [],
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      isNew: true,
      dirty: false,
      variants: [],
    };
    set.addProduct(product);
    return product;
  }

  /** Copies the fields that differ; true when any did. */
  private assign<T extends object>(target: T, fields: Partial<T>): boolean {
    let changed = false;
    for (const [k, value] of Object.entries(fields) as [keyof T, T[keyof T]][]) {
      if (!equal(target[k], value)) {
        target[k] = value;
        changed = true;
      }
    }
    return changed;
  }

  private async category(tx: Tx, lookups: Lookups, slug: string): Promise<CategoryRow> {
    if (!lookups.categories.has(slug))
      lookups.categories.set(slug, (await this.categories.findBySlug(tx, slug)) ?? null);
    const found = lookups.categories.get(slug);
    if (!found)
      throw new RowRefused('category', PRODUCT_ERRORS.categoryUnknown, `No category with slug ${slug}`);
    return found;
  }

  private async attributeSet(
    tx: Tx,
    lookups: Lookups,
    categoryId: string | null,
  ): Promise<CategoryAttributeSet> {
    const cached = lookups.attributeSets.get(categoryId);
    if (cached) return cached;
    const set = await this.categories.attributeSet(tx, categoryId);
    lookups.attributeSets.set(categoryId, set);
    return set;
  }

  private async brand(ctx: TenantContext, tx: Tx, lookups: Lookups, name: string): Promise<BrandRow> {
    const key = name.toLowerCase();
    const cached = lookups.brands.get(key);
    if (cached) return cached;
    const brand = await this.brands.findOrCreateByName(tx, ctx.tenantId, name);
    lookups.brands.set(key, brand);
    return brand;
  }
}
