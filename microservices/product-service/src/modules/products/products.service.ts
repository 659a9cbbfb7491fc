import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, decodeCursor, newId, type Page, toPage } from '@haat/common';
import { type Database, isUniqueViolation } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { CatalogCache } from '../../infrastructure/cache/catalog.cache.js';
import { scopeCovers, vendorForNewProduct, vendorScopeOf } from '../access/vendor-scope.js';
import type { CreateProductInput, UpdateProductInput } from './dto/product-input.dto.js';
import type { ListProductsQuery } from './dto/product-query.dto.js';
import type { ProductView } from './dto/product-view.dto.js';
import { type ProductAggregate, ProductAggregateLoader } from './product-aggregate.loader.js';
import { ProductLimitService } from './product-limit.service.js';
import { ProductSlugsService } from './product-slugs.service.js';
import { invalidVariants, notFound, ProductWrites, variantConflict } from './product-writes.helper.js';
import { toProductFacts, toProductView } from './product.mapper.js';
import { PRODUCT_ERRORS } from './products.errors.js';
import { productCreated, productDeleted } from './products.events.js';
import { type ProductPatch, ProductsRepository } from './products.repository.js';
import { checkCurrencies, newVariantRows } from './variant-rows.rules.js';
import { checkOptions, checkVariants, generatedSku, variantMatrix } from './variant-matrix.rules.js';

const CursorSchema = z.object({ id: z.string().uuid() });

/** Products: create, read, change, archive, delete; vendor-scoped, plan-limited, evented. */
@Injectable()
export class ProductsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: ProductsRepository,
    private readonly loader: ProductAggregateLoader,
    private readonly writes: ProductWrites,
    private readonly slugs: ProductSlugsService,
    private readonly limits: ProductLimitService,
    private readonly cache: CatalogCache,
  ) {}

  async create(ctx: TenantContext, input: CreateProductInput): Promise<ProductView> {
    const vendorId = vendorForNewProduct(vendorScopeOf(ctx), input.vendorId);
    const variants =
      input.variants ??
      variantMatrix(input.options).map((options) => {
        const g = input.generateVariants as NonNullable<CreateProductInput['generateVariants']>;
        return { ...g, sku: generatedSku(g.skuPrefix, options, input.options), options };
      });
    const issues = [
      ...checkOptions(input.options),
      ...checkVariants(input.options, variants),
      ...checkCurrencies(variants),
    ];
    if (issues.length > 0) throw invalidVariants(issues);
    const id = newId();
    const view = await this.database.withTenant(ctx.tenantId, async (tx) => {
      if (input.status !== 'archived') await this.limits.ensureRoom(ctx, tx, 1);
      await this.writes.checkReferences(tx, input);
      const attributes = await this.writes.checkAttributes(
        tx,
        input.categoryId ?? null,
        input.attributes ?? {},
        input.status,
      );
      const taken = await this.repo.variantsBySku(
        tx,
        variants.map((v) => v.sku),
      );
      if (taken[0]) {
        throw new ConflictError(PRODUCT_ERRORS.skuTaken, 'Another variant has this SKU', {
          sku: taken[0].sku,
        });
      }
      const slug = await this.slugs.forNewProduct(tx, id, input.slug, input.name.en);
      try {
        await this.repo.insertProduct(tx, {
          id,
          tenantId: ctx.tenantId,
          vendorId,
          categoryId: input.categoryId ?? null,
          brandId: input.brandId ?? null,
          status: input.status,
          slug,
          nameEn: input.name.en,
          nameBn: input.name.bn ?? null,
          descriptionEn: input.description?.en ?? null,
          descriptionBn: input.description?.bn ?? null,
          metaTitle: input.seo?.metaTitle ?? null,
          metaDescription: input.seo?.metaDescription ?? null,
          canonicalUrl: input.seo?.canonicalUrl ?? null,
          tags: [...new Set(input.tags ?? [])],
          attributes,
          options: input.options,
          mediaIds: input.mediaIds ?? [],
        });
      } catch (err) {
        if (isUniqueViolation(err, 'products_tenant_slug_uq')) throw this.slugs.taken(slug);
        throw err;
      }
      try {
        await this.repo.insertVariants(tx, newVariantRows(ctx.tenantId, id, input.options, variants));
      } catch (err) {
        variantConflict(err, { sku: variants.map((v) => v.sku).join(', ') });
      }
      const created = (await this.loader.loadOne(tx, id)) as ProductAggregate;
      await addToOutbox(tx, productCreated(ctx, toProductFacts(created)));
      return toProductView(created);
    });
    return view;
  }

  async get(ctx: TenantContext, id: string): Promise<ProductView> {
    const aggregate = await this.database.withTenant(ctx.tenantId, (tx) => this.loader.loadOne(tx, id));
    if (!aggregate || !scopeCovers(vendorScopeOf(ctx), aggregate.product.vendorId)) throw notFound(id);
    return toProductView(aggregate);
  }

  /** Tenant staff see every vendor's products, vendor staff their own vendors'. */
  async list(ctx: TenantContext, query: ListProductsQuery): Promise<Page<ProductView>> {
    const scope = vendorScopeOf(ctx);
    const before = decodeCursor(query.cursor, CursorSchema);
    const vendorIds =
      scope.kind === 'tenant'
        ? query.vendorId
          ? [query.vendorId]
          : undefined
        : scope.vendorIds.filter((v) => query.vendorId === undefined || v === query.vendorId);
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const rows = await this.repo.list(tx, {
        status: query.status,
        vendorIds,
        categoryId: query.categoryId,
        sku: query.sku,
        beforeId: before?.id,
        limit: query.limit,
      });
      const aggregates = await this.loader.assemble(tx, rows);
      return toPage(
        rows,
        query.limit,
        (r) => ({ id: r.id }),
        (r) => toProductView(aggregates.get(r.id) as ProductAggregate),
      );
    });
  }

  async update(ctx: TenantContext, id: string, input: UpdateProductInput): Promise<ProductView> {
    const view = await this.database.withTenant(ctx.tenantId, async (tx) => {
      const before = await this.writes.lockForChange(ctx, tx, id);
      const p = before.product;
      if (input.version !== undefined && input.version !== p.version) {
        throw new ConflictError(PRODUCT_ERRORS.versionConflict, 'The product changed since you read it', {
          expected: input.version,
          current: p.version,
        });
      }
      await this.writes.checkReferences(tx, input);
      const status = input.status ?? p.status;
      if (p.status === 'archived' && status !== 'archived') await this.limits.ensureRoom(ctx, tx, 1);
      const categoryId = input.categoryId === undefined ? p.categoryId : input.categoryId;
      const attributes = await this.writes.checkAttributes(
        tx,
        categoryId,
        input.attributes ?? p.attributes,
        status,
      );
      if (input.options) {
        const issues = [
          ...checkOptions(input.options),
          ...checkVariants(input.options, before.variants, 'variants'),
        ];
        if (issues.length > 0) throw invalidVariants(issues);
      }
      if (input.slug !== undefined) await this.slugs.rename(tx, ctx.tenantId, id, p.slug, input.slug);
      const patch: ProductPatch = {
        categoryId,
        brandId: input.brandId === undefined ? p.brandId : input.brandId,
        status,
        slug: input.slug ?? p.slug,
        nameEn: input.name?.en ?? p.nameEn,
        nameBn: input.name?.bn === undefined ? p.nameBn : input.name.bn,
        descriptionEn: input.description === undefined ? p.descriptionEn : (input.description?.en ?? null),
        descriptionBn: input.description === undefined ? p.descriptionBn : (input.description?.bn ?? null),
        metaTitle: input.seo?.metaTitle === undefined ? p.metaTitle : input.seo.metaTitle,
        metaDescription:
          input.seo?.metaDescription === undefined ? p.metaDescription : input.seo.metaDescription,
        canonicalUrl: input.seo?.canonicalUrl === undefined ? p.canonicalUrl : input.seo.canonicalUrl,
        tags: input.tags ? [...new Set(input.tags)] : p.tags,
        attributes,
        options: input.options ?? p.options,
        mediaIds: input.mediaIds ?? p.mediaIds,
      };
      try {
        await this.repo.updateProduct(tx, id, patch);
      } catch (err) {
        if (isUniqueViolation(err, 'products_tenant_slug_uq')) throw this.slugs.taken(patch.slug ?? '');
        throw err;
      }
      return toProductView(await this.writes.emitChanges(ctx, tx, before));
    });
    await this.cache.invalidateProducts(ctx.tenantId, [id]);
    return view;
  }

  async archive(ctx: TenantContext, id: string): Promise<ProductView> {
    return this.update(ctx, id, { status: 'archived' });
  }

  /** Deletes a draft for good; a product that was ever sold is archived instead (409 otherwise). */
  async remove(ctx: TenantContext, id: string): Promise<void> {
    await this.database.withTenant(ctx.tenantId, async (tx) => {
      const current = await this.writes.lockForChange(ctx, tx, id);
      if (current.product.status !== 'draft') {
        throw new ConflictError(PRODUCT_ERRORS.notDraft, 'Only a draft can be deleted; archive it instead', {
          status: current.product.status,
        });
      }
      await this.repo.deleteProduct(tx, id);
      await addToOutbox(tx, productDeleted(ctx, toProductFacts(current)));
    });
    await this.cache.invalidateProducts(ctx.tenantId, [id]);
  }
}
