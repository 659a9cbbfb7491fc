import { Injectable } from '@nestjs/common';
import { type CurrencyCode, formatMajor } from '@haat/common';
import { defineReport, type ReportBlock } from '@haat/reporting';
import { z } from 'zod';
import { type ProductAggregate, ProductAggregateLoader } from '../products/product-aggregate.loader.js';
import { ProductsRepository } from '../products/products.repository.js';
import { PRODUCT_STATUSES } from '../products/products.schema.js';

export const CATALOGUE_REPORT_KIND = 'product.catalogue';
/** Variants listed in one report at most; the report says when there were more. */
const MAX_LINES = 5_000;
const PAGE = 200;

export const CatalogueReportParamsSchema = z.object({
  status: z.enum(PRODUCT_STATUSES).optional(),
  /** One vendor's products only; a vendor's people always get their own. */
  vendorId: z.string().uuid().optional(),
});

interface CatalogueData {
  products: ProductAggregate[];
  truncated: boolean;
}

/** `product.catalogue`: every variant with its SKU, names in both languages, category and price. */
@Injectable()
export class CatalogueReportDefinition {
  readonly definition;

  constructor(repo: ProductsRepository, loader: ProductAggregateLoader) {
    this.definition = defineReport({
      kind: CATALOGUE_REPORT_KIND,
      paramsSchema: CatalogueReportParamsSchema,
      title: () => 'Product catalogue',
      load: async (_ctx, params, tx): Promise<CatalogueData> => {
        const products: ProductAggregate[] = [];
        let after: string | undefined;
        let lines = 0;
        for (;;) {
          const page = await repo.exportPage(
            tx,
            after,
            PAGE,
            params.vendorId ? [params.vendorId] : undefined,
          );
          const wanted = page.filter((p) => params.status === undefined || p.status === params.status);
          const aggregates = await loader.assemble(tx, wanted);
          for (const p of wanted) {
            const a = aggregates.get(p.id);
            if (!a) continue;
            if (lines + a.variants.length > MAX_LINES) return { products, truncated: true };
            products.push(a);
            lines += a.variants.length;
          }
          if (page.length < PAGE) return { products, truncated: false };
          after = page[page.length - 1]?.id;
        }
      },
      compose: (data, params): ReportBlock[] => {
        const rows = data.products.flatMap((a) =>
          a.variants.map((v) => [
            v.sku,
            [a.product.nameEn, ...Object.values(v.options)].join(' / '),
            a.product.nameBn ?? '',
            a.breadcrumbs.map((b) => b.name.en).join(' › '),
            a.product.status,
            `${formatMajor({ amountMinor: v.priceMinor, currency: v.currency as CurrencyCode })} ${v.currency}`,
          ]),
        );
        return [
          {
            type: 'keyValue',
            entries: [
              { label: 'Products', value: String(data.products.length) },
              { label: 'Variants', value: String(rows.length) },
              { label: 'Status', value: params.status ?? 'all' },
            ],
          },
          ...(data.truncated
            ? [{ type: 'paragraph' as const, text: `Only the first ${MAX_LINES} variants are listed.` }]
            : []),
          {
            type: 'table',
            columns: [
              { header: 'SKU', width: 2 },
              { header: 'Name', width: 4 },
              { header: 'Name (Bangla)', width: 3 },
              { header: 'Category', width: 3 },
              { header: 'Status', width: 1.5 },
              { header: 'Price', width: 2, align: 'right' },
            ],
            rows,
            emptyText: 'No products',
          },
        ];
      },
    });
  }
}
