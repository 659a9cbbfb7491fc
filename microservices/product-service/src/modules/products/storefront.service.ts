import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, type Page, toPage } from '@haat/common';
import type { Database, DbExecutor } from '@haat/database';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import type { ProductServiceConfig } from '../../config/product-service.config.js';
import { CatalogCache } from '../../infrastructure/cache/catalog.cache.js';
import { BrandsService } from '../brands/brands.service.js';
import { CategoriesService } from '../categories/categories.service.js';
import { MediaRefsRepository } from '../media-refs/media-refs.repository.js';
import { productJsonLd } from '../seo/product-json-ld.js';
import type { CatalogListQuery } from './dto/product-query.dto.js';
import type { StorefrontProduct } from './dto/product-view.dto.js';
import { type ProductAggregate, ProductAggregateLoader } from './product-aggregate.loader.js';
import { toProductView, toVariantView } from './product.mapper.js';
import { notFound } from './product-writes.helper.js';
import { ProductsRepository } from './products.repository.js';

const CursorSchema = z.object({ id: z.string().uuid() });

/** What a slug lookup finds: the product, or where a retired slug points now. */
export type SlugLookup =
  | { kind: 'product'; product: StorefrontProduct }
  | { kind: 'redirect'; redirectTo: string; productId: string };

/** Public catalogue reads: active products only, no cost, cached per tenant. */
@Injectable()
export class StorefrontService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) private readonly config: ProductServiceConfig,
    private readonly repo: ProductsRepository,
    private readonly loader: ProductAggregateLoader,
    private readonly categories: CategoriesService,
    private readonly brands: BrandsService,
    private readonly media: MediaRefsRepository,
    private readonly cache: CatalogCache,
  ) {}

  /** By current slug (the product) or a retired one (a redirect); 404 for drafts and archived ones. */
  bySlug(ctx: TenantContext, slug: string, locale: 'en' | 'bn'): Promise<SlugLookup> {
    return this.cache.read(ctx.tenantId, ['slug', slug, locale], () => this.loadBySlug(ctx, slug, locale));
  }

  async list(ctx: TenantContext, query: CatalogListQuery): Promise<Page<StorefrontProduct>> {
    const before = decodeCursor(query.cursor, CursorSchema);
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const category = query.category ? await this.categories.findBySlug(tx, query.category) : undefined;
      const brand = query.brand ? await this.brands.findBySlug(tx, query.brand) : undefined;
      if ((query.category && !category) || (query.brand && !brand)) return { items: [], nextCursor: null };
      const rows = await this.repo.list(tx, {
        status: 'active',
        categoryPath: category?.path,
        brandId: brand?.id,
        tag: query.tag,
        beforeId: before?.id,
        limit: query.limit,
      });
      const aggregates = await this.loader.assemble(tx, rows);
      const views = await this.present(tx, [...aggregates.values()], query.locale);
      return toPage(
        rows,
        query.limit,
        (r) => ({ id: r.id }),
        (r) => views.get(r.id) as StorefrontProduct,
      );
    });
  }

  private async loadBySlug(
    ctx: TenantContext,
    slug: string,
    locale: 'en' | 'bn',
  ): Promise<{ value: SlugLookup; productIds: string[] }> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const row = await this.repo.findBySlug(tx, slug);
      if (!row) {
        const productId = (await this.repo.findRedirects(tx, [slug])).get(slug);
        const target = productId ? await this.repo.findById(tx, productId) : undefined;
        if (!target || target.status !== 'active') throw notFound(slug);
        return {
          value: { kind: 'redirect', redirectTo: target.slug, productId: target.id },
          productIds: [target.id],
        };
      }
      if (row.status !== 'active') throw notFound(slug);
      const aggregate = (await this.loader.assemble(tx, [row])).get(row.id) as ProductAggregate;
      const views = await this.present(tx, [aggregate], locale, true);
      return {
        value: { kind: 'product', product: views.get(row.id) as StorefrontProduct },
        productIds: [row.id],
      };
    });
  }

  private async present(
    tx: DbExecutor,
    aggregates: readonly ProductAggregate[],
    locale: 'en' | 'bn',
    withAttributeLabels = false,
  ): Promise<Map<string, StorefrontProduct>> {
    const refs = await this.media.findByIds(tx, [...new Set(aggregates.flatMap((a) => a.product.mediaIds))]);
    const refById = new Map(refs.map((r) => [r.assetId, r]));
    const out = new Map<string, StorefrontProduct>();
    for (const a of aggregates) {
      const p = a.product;
      const base = toProductView(a);
      const images = p.mediaIds.flatMap((id) => {
        const r = refById.get(id);
        return r
          ? [{ assetId: id, url: r.url, width: r.width, height: r.height, renditions: r.renditions }]
          : [];
      });
      const name = locale === 'bn' ? (p.nameBn ?? p.nameEn) : p.nameEn;
      const description = locale === 'bn' ? (p.descriptionBn ?? p.descriptionEn) : p.descriptionEn;
      const canonicalUrl =
        p.canonicalUrl ??
        (this.config.STOREFRONT_BASE_URL ? `${this.config.STOREFRONT_BASE_URL}/products/${p.slug}` : null);
      const set = withAttributeLabels ? await this.categories.attributeSet(tx, p.categoryId) : new Map();
      out.set(p.id, {
        ...base,
        variants: a.variants.map((v) => toVariantView(v, false)),
        attributeList: Object.entries(p.attributes).map(([code, value]) => {
          const def = set.get(code);
          return {
            code,
            label: def ? { en: def.row.labelEn, bn: def.row.labelBn } : { en: code, bn: null },
            unit: def?.row.unit ?? null,
            value,
          };
        }),
        images,
        seo: {
          title: p.metaTitle ?? name,
          description: p.metaDescription ?? description,
          canonicalUrl,
          jsonLd: productJsonLd({
            name,
            description,
            url: canonicalUrl,
            images: images.map((i) => i.url),
            brand: a.brand?.name ?? null,
            categoryPath: a.breadcrumbs.map((b) => (locale === 'bn' ? (b.name.bn ?? b.name.en) : b.name.en)),
            variants: a.variants.map((v) => ({
              sku: v.sku,
              barcode: v.barcode,
              priceMinor: v.priceMinor,
              currency: v.currency,
              options: v.options,
            })),
            locale,
          }),
        },
      });
    }
    return out;
  }
}
