import { Injectable } from '@nestjs/common';
import { ConflictError, type FieldIssue, NotFoundError, ValidationError } from '@haat/common';
import { type DbExecutor, isUniqueViolation, type Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import type { RequestContext, TenantContext } from '@haat/tenant';
import { assertVendorAccess, vendorScopeOf } from '../access/vendor-scope.js';
import { checkAttributeValues, type AttributeValue } from '../categories/attribute-values.rules.js';
import { CategoriesService } from '../categories/categories.service.js';
import { BrandsService } from '../brands/brands.service.js';
import { type ProductAggregate, ProductAggregateLoader } from './product-aggregate.loader.js';
import { toProductFacts } from './product.mapper.js';
import { PRODUCT_ERRORS } from './products.errors.js';
import { productChangeEvents } from './products.events.js';
import { ProductsRepository } from './products.repository.js';
import type { ProductRow, ProductStatus } from './products.schema.js';

/** Shared steps of every product write: find and authorize, validate references, emit changes. */
@Injectable()
export class ProductWrites {
  constructor(
    private readonly repo: ProductsRepository,
    private readonly loader: ProductAggregateLoader,
    private readonly categories: CategoriesService,
    private readonly brands: BrandsService,
  ) {}

  /** The product locked for this transaction, after checking the caller's vendor scope. */
  async lockForChange(ctx: RequestContext, tx: Tx, id: string): Promise<ProductAggregate> {
    const row = await this.repo.lockById(tx, id);
    if (!row) throw notFound(id);
    assertVendorAccess(vendorScopeOf(ctx), row.vendorId);
    return (await this.loader.assemble(tx, [row])).get(id) as ProductAggregate;
  }

  /** 400 naming `categoryId` / `brandId` when they do not exist in this tenant. */
  async checkReferences(
    tx: DbExecutor,
    refs: { categoryId?: string | null; brandId?: string | null },
  ): Promise<void> {
    const fields: FieldIssue[] = [];
    if (refs.categoryId && !(await this.categories.findById(tx, refs.categoryId))) {
      fields.push({ field: 'categoryId', message: 'no such category', code: 'unknown' });
    }
    if (refs.brandId && !(await this.brands.findById(tx, refs.brandId))) {
      fields.push({ field: 'brandId', message: 'no such brand', code: 'unknown' });
    }
    if (fields.length > 0) {
      const code =
        fields[0]?.field === 'categoryId' ? PRODUCT_ERRORS.categoryUnknown : PRODUCT_ERRORS.brandUnknown;
      throw new ValidationError(code, `Unknown ${fields.map((f) => f.field).join(' and ')}`, { fields });
    }
  }

  /** The attribute values, typed by the category's set; an active product needs every required one. */
  async checkAttributes(
    tx: DbExecutor,
    categoryId: string | null,
    values: Record<string, unknown>,
    status: ProductStatus,
  ): Promise<Record<string, AttributeValue>> {
    const set = await this.categories.attributeSet(tx, categoryId);
    const result = checkAttributeValues(values, set, { requireAll: status === 'active' });
    if (result.issues.length > 0) {
      throw new ValidationError(
        PRODUCT_ERRORS.invalidAttributes,
        `Invalid attributes: ${result.issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
        { fields: result.issues },
      );
    }
    return result.values;
  }

  /** Reloads the product and writes the events of what changed since `before`. */
  async emitChanges(ctx: TenantContext, tx: Tx, before: ProductAggregate): Promise<ProductAggregate> {
    const after = (await this.loader.loadOne(tx, before.product.id)) as ProductAggregate;
    await addToOutbox(tx, productChangeEvents(ctx, toProductFacts(before), toProductFacts(after)));
    return after;
  }

  /** Bumps the version when only variants changed, so consumers see a newer state. */
  async touch(tx: Tx, product: ProductRow): Promise<void> {
    await this.repo.updateProduct(tx, product.id, {});
  }
}

export function notFound(id: string): NotFoundError {
  return new NotFoundError(PRODUCT_ERRORS.notFound, 'No such product', { id });
}

export function invalidVariants(fields: FieldIssue[]): ValidationError {
  return new ValidationError(
    PRODUCT_ERRORS.invalidVariants,
    `Invalid variants: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
    { fields },
  );
}

/** Maps a unique violation of a variant write to 409 naming the SKU or barcode; rethrows anything else. */
export function variantConflict(err: unknown, detail: { sku?: string; barcode?: string | null }): never {
  if (isUniqueViolation(err, 'product_variants_tenant_sku_uq')) {
    throw new ConflictError(PRODUCT_ERRORS.skuTaken, 'Another variant has this SKU', { sku: detail.sku });
  }
  if (isUniqueViolation(err, 'product_variants_tenant_barcode_uq')) {
    throw new ConflictError(PRODUCT_ERRORS.barcodeTaken, 'Another variant has this barcode', {
      barcode: detail.barcode,
    });
  }
  if (isUniqueViolation(err, 'product_variants_option_key_uq')) {
    throw new ConflictError(PRODUCT_ERRORS.invalidVariants, 'This option combination is already a variant');
  }
  throw err;
}
