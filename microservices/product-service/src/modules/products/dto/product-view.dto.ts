import { z } from 'zod';
import { BreadcrumbSchema } from '../../categories/dto/category.dto.js';
import { PRODUCT_STATUSES } from '../products.schema.js';

const Localized = z.object({ en: z.string(), bn: z.string().nullable() });
const MoneyJson = z.object({ amountMinor: z.string(), currency: z.string() });

export const VariantViewSchema = z.object({
  id: z.string().uuid(),
  sku: z.string(),
  barcode: z.string().nullable(),
  options: z.record(z.string(), z.string()),
  price: MoneyJson,
  compareAtPrice: MoneyJson.nullable(),
  /** Management views only: the storefront never shows cost. */
  cost: MoneyJson.nullable().optional(),
  weightGrams: z.number().int().nullable(),
  dimensionsMm: z.object({ length: z.number(), width: z.number(), height: z.number() }).nullable(),
});
export type VariantView = z.infer<typeof VariantViewSchema>;

export const ProductViewSchema = z.object({
  id: z.string().uuid(),
  vendorId: z.string().uuid(),
  status: z.enum(PRODUCT_STATUSES),
  slug: z.string(),
  name: Localized,
  description: z.object({ en: z.string().nullable(), bn: z.string().nullable() }),
  category: BreadcrumbSchema.nullable(),
  breadcrumbs: z.array(BreadcrumbSchema),
  brand: z.object({ id: z.string().uuid(), name: z.string(), slug: z.string() }).nullable(),
  tags: z.array(z.string()),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  variants: z.array(VariantViewSchema),
  mediaIds: z.array(z.string().uuid()),
  seo: z.object({
    metaTitle: z.string().nullable(),
    metaDescription: z.string().nullable(),
    canonicalUrl: z.string().nullable(),
  }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductView = z.infer<typeof ProductViewSchema>;

export const StorefrontProductSchema = ProductViewSchema.omit({ version: true, createdAt: true }).extend({
  /** Attribute values with their labels, in the category's order. */
  attributeList: z.array(
    z.object({
      code: z.string(),
      label: Localized,
      unit: z.string().nullable(),
      value: z.union([z.string(), z.number(), z.boolean()]),
    }),
  ),
  images: z.array(
    z.object({
      assetId: z.string().uuid(),
      url: z.string(),
      width: z.number().nullable(),
      height: z.number().nullable(),
      renditions: z.array(
        z.object({ url: z.string(), contentType: z.string(), width: z.number().nullable() }),
      ),
    }),
  ),
  seo: z.object({
    title: z.string(),
    description: z.string().nullable(),
    canonicalUrl: z.string().nullable(),
    /** schema.org `Product` as JSON-LD, ready for a `<script type="application/ld+json">`. */
    jsonLd: z.record(z.string(), z.unknown()),
  }),
});
export type StorefrontProduct = z.infer<typeof StorefrontProductSchema>;

/** The answer for a retired slug: where the product lives now (HTTP 308). */
export const SlugRedirectSchema = z.object({ redirectTo: z.string(), productId: z.string().uuid() });
