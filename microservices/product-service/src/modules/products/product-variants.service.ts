import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@haat/common';
import type { Database, Tx } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { CatalogCache } from '../../infrastructure/cache/catalog.cache.js';
import type { GenerateVariantsInput, VariantInput, VariantPatch } from './dto/product-input.dto.js';
import type { ProductView } from './dto/product-view.dto.js';
import type { ProductAggregate } from './product-aggregate.loader.js';
import { invalidVariants, ProductWrites, variantConflict } from './product-writes.helper.js';
import { toProductView } from './product.mapper.js';
import { PRODUCT_ERRORS } from './products.errors.js';
import { ProductsRepository } from './products.repository.js';
import { checkCurrencies, newVariantRows, variantPatchColumns } from './variant-rows.rules.js';
import { checkVariants, generatedSku, optionKey, variantMatrix } from './variant-matrix.rules.js';

/** A product's variants: add one, fill the option matrix, change one, remove one. */
@Injectable()
export class ProductVariantsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: ProductsRepository,
    private readonly writes: ProductWrites,
    private readonly cache: CatalogCache,
  ) {}

  add(ctx: TenantContext, productId: string, input: VariantInput): Promise<ProductView> {
    return this.change(ctx, productId, async (tx, current) => {
      await this.insert(ctx, tx, current, [input]);
    });
  }

  /** Adds a variant for every option combination the product does not sell yet. */
  generate(ctx: TenantContext, productId: string, input: GenerateVariantsInput): Promise<ProductView> {
    return this.change(ctx, productId, async (tx, current) => {
      const options = current.product.options;
      const existing = new Set(current.variants.map((v) => v.optionKey));
      const missing = variantMatrix(options)
        .filter((combo) => !existing.has(optionKey(options, combo)))
        .map((combo) => ({ ...input, sku: generatedSku(input.skuPrefix, combo, options), options: combo }));
      await this.insert(ctx, tx, current, missing);
    });
  }

  update(
    ctx: TenantContext,
    productId: string,
    variantId: string,
    patch: VariantPatch,
  ): Promise<ProductView> {
    return this.change(ctx, productId, async (tx, current) => {
      const variant = current.variants.find((v) => v.id === variantId);
      if (!variant) throw variantNotFound(variantId);
      const issues = checkCurrencies(
        [{ price: patch.price, compareAtPrice: patch.compareAtPrice, cost: patch.cost }],
        patch.price?.currency ?? variant.currency,
        'variant',
      );
      if (issues.length > 0) throw invalidVariants(issues);
      try {
        await this.repo.updateVariant(tx, variantId, variantPatchColumns(patch));
      } catch (err) {
        variantConflict(err, { sku: patch.sku, barcode: patch.barcode });
      }
    });
  }

  remove(ctx: TenantContext, productId: string, variantId: string): Promise<ProductView> {
    return this.change(ctx, productId, async (tx, current) => {
      if (!current.variants.some((v) => v.id === variantId)) throw variantNotFound(variantId);
      if (current.variants.length === 1) {
        throw new ConflictError(PRODUCT_ERRORS.lastVariant, 'A product keeps at least one variant');
      }
      await this.repo.deleteVariant(tx, variantId);
    });
  }

  private async insert(
    ctx: TenantContext,
    tx: Tx,
    current: ProductAggregate,
    inputs: readonly VariantInput[],
  ): Promise<void> {
    const options = current.product.options;
    const all = [...current.variants.map((v) => ({ sku: v.sku, options: v.options })), ...inputs];
    const issues = [
      ...checkVariants(options, all).filter((i) => Number(i.field.split('.')[1]) >= current.variants.length),
      ...checkCurrencies(inputs, current.variants[0]?.currency),
    ];
    if (issues.length > 0) throw invalidVariants(issues);
    try {
      await this.repo.insertVariants(
        tx,
        newVariantRows(ctx.tenantId, current.product.id, options, inputs, current.variants.length),
      );
    } catch (err) {
      variantConflict(err, { sku: inputs.map((i) => i.sku).join(', ') });
    }
  }

  private async change(
    ctx: TenantContext,
    productId: string,
    apply: (tx: Tx, current: ProductAggregate) => Promise<void>,
  ): Promise<ProductView> {
    const view = await this.database.withTenant(ctx.tenantId, async (tx) => {
      const before = await this.writes.lockForChange(ctx, tx, productId);
      await apply(tx, before);
      await this.writes.touch(tx, before.product);
      return toProductView(await this.writes.emitChanges(ctx, tx, before));
    });
    await this.cache.invalidateProducts(ctx.tenantId, [productId]);
    return view;
  }
}

function variantNotFound(variantId: string): NotFoundError {
  return new NotFoundError(PRODUCT_ERRORS.variantNotFound, 'No such variant of this product', { variantId });
}
