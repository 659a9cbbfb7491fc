import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { type CurrencyCode, formatMajor } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { stringify } from 'csv-stringify';
import { vendorScopeOf } from '../access/vendor-scope.js';
import { CategoriesService } from '../categories/categories.service.js';
import { type ProductAggregate, ProductAggregateLoader } from '../products/product-aggregate.loader.js';
import { ProductsRepository } from '../products/products.repository.js';
import { ATTRIBUTE_COLUMN_PREFIX, CSV_COLUMNS, TAG_SEPARATOR } from './import-columns.js';

const PAGE = 200;

const major = (minor: bigint | null, currency: string) =>
  minor === null ? '' : formatMajor({ amountMinor: minor, currency: currency as CurrencyCode });

/** One CSV record per variant, in the import layout (so an export re-imports as a no-op). */
function records(a: ProductAggregate, attributeCodes: readonly string[]): string[][] {
  const p = a.product;
  const category = a.breadcrumbs[a.breadcrumbs.length - 1]?.slug ?? '';
  return a.variants.map((v) => {
    const options = p.options.map((o) => [o.name, v.options[o.name] ?? '']);
    const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
      handle: p.slug,
      sku: v.sku,
      name_en: p.nameEn,
      name_bn: p.nameBn ?? '',
      description_en: p.descriptionEn ?? '',
      description_bn: p.descriptionBn ?? '',
      status: p.status,
      vendor_id: p.vendorId,
      category,
      brand: a.brand?.name ?? '',
      tags: p.tags.join(TAG_SEPARATOR),
      option1_name: options[0]?.[0] ?? '',
      option1_value: options[0]?.[1] ?? '',
      option2_name: options[1]?.[0] ?? '',
      option2_value: options[1]?.[1] ?? '',
      option3_name: options[2]?.[0] ?? '',
      option3_value: options[2]?.[1] ?? '',
      price: major(v.priceMinor, v.currency),
      compare_at_price: major(v.compareAtMinor, v.currency),
      cost: major(v.costMinor, v.currency),
      currency: v.currency,
      barcode: v.barcode ?? '',
      weight_grams: v.weightGrams?.toString() ?? '',
      length_mm: v.lengthMm?.toString() ?? '',
      width_mm: v.widthMm?.toString() ?? '',
      height_mm: v.heightMm?.toString() ?? '',
      meta_title: p.metaTitle ?? '',
      meta_description: p.metaDescription ?? '',
      canonical_url: p.canonicalUrl ?? '',
    };
    return [
      ...CSV_COLUMNS.map((c) => cells[c]),
      ...attributeCodes.map((code) => {
        const value = p.attributes[code];
        return value === undefined ? '' : String(value);
      }),
    ];
  });
}

/**
 * Streams the catalogue (the caller's vendor scope) as CSV, a page of products at a time, so
 * memory stays flat whatever the catalogue's size. Starts with a BOM so spreadsheet programs
 * read Bangla as UTF-8.
 */
@Injectable()
export class ProductsExportService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: ProductsRepository,
    private readonly loader: ProductAggregateLoader,
    private readonly categories: CategoriesService,
  ) {}

  async csv(ctx: TenantContext): Promise<Readable> {
    const scope = vendorScopeOf(ctx);
    const vendorIds = scope.kind === 'tenant' ? undefined : scope.vendorIds;
    const codes = await this.database.withTenant(ctx.tenantId, (tx) => this.categories.attributeCodes(tx));
    const header = [...CSV_COLUMNS, ...codes.map((c) => `${ATTRIBUTE_COLUMN_PREFIX}${c}`)];
    const database = this.database;
    const repo = this.repo;
    const loader = this.loader;
    async function* rows(): AsyncGenerator<string[]> {
      let after: string | undefined;
      for (;;) {
        const page = await database.withTenant(ctx.tenantId, async (tx) => {
          const products = await repo.exportPage(tx, after, PAGE, vendorIds);
          return { products, aggregates: await loader.assemble(tx, products) };
        });
        for (const p of page.products) {
          const a = page.aggregates.get(p.id);
          if (a) yield* records(a, codes);
        }
        if (page.products.length < PAGE) return;
        after = page.products[page.products.length - 1]?.id;
      }
    }
    return Readable.from(rows()).pipe(
      stringify({ header: true, columns: header, bom: true, record_delimiter: 'windows' }),
    );
  }
}
