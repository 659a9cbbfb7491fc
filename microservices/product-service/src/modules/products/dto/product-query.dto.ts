import { IdSchema, PageQuerySchema } from '@haat/common';
import { z } from 'zod';
import { PRODUCT_STATUSES } from '../products.schema.js';

export const ProductIdParamsSchema = z.object({ id: IdSchema });
export const VariantParamsSchema = z.object({ id: IdSchema, variantId: IdSchema });
export const SlugParamsSchema = z.object({ slug: z.string().min(1).max(200) });

/** Management list: the caller's scope (all vendors for tenant staff, their own for vendor staff). */
export const ListProductsQuerySchema = PageQuerySchema.extend({
  status: z.enum(PRODUCT_STATUSES).optional(),
  vendorId: IdSchema.optional(),
  categoryId: IdSchema.optional(),
  /** The product selling this SKU. */
  sku: z.string().min(1).max(64).optional(),
});
export type ListProductsQuery = z.output<typeof ListProductsQuerySchema>;

export const LocaleSchema = z.enum(['en', 'bn']);

/** Storefront list: active products, optionally of a category's subtree, a brand or a tag. */
export const CatalogListQuerySchema = PageQuerySchema.extend({
  category: z.string().min(1).max(200).optional(),
  brand: z.string().min(1).max(200).optional(),
  tag: z.string().trim().toLowerCase().min(1).max(50).optional(),
  locale: LocaleSchema.default('en'),
});
export type CatalogListQuery = z.output<typeof CatalogListQuerySchema>;

export const CatalogProductQuerySchema = z.object({ locale: LocaleSchema.default('en') });
