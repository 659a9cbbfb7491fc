import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/** Text in English (always) and Bangla (when the seller gave it). */
export const LocalizedTextSchema = z.object({ en: z.string(), bn: z.string().nullable() });

/** Money in events: integer minor units as a decimal string (bigint-safe) plus ISO currency. */
export const EventMoneySchema = z.object({
  amountMinor: z.string().regex(/^-?\d{1,18}$/),
  currency: z.string().length(3),
});

/** One category on the path from the taxonomy's root to the product's category. */
export const CategoryPathEntrySchema = z.object({
  categoryId: z.string().uuid(),
  slug: z.string(),
  name: LocalizedTextSchema,
});

/** A typed attribute value: text and enum values are strings. */
export const AttributeValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/** One sellable variant: its own SKU (unique per tenant), prices and shipping facts. */
export const ProductVariantFactsSchema = z.object({
  variantId: z.string().uuid(),
  sku: z.string(),
  barcode: z.string().nullable(),
  /** Option name → value, e.g. `{ Size: 'M', Colour: 'Red' }`; empty for a product without options. */
  options: z.record(z.string(), z.string()),
  price: EventMoneySchema,
  compareAtPrice: EventMoneySchema.nullable(),
  cost: EventMoneySchema.nullable(),
  weightGrams: z.number().int().nullable(),
  dimensionsMm: z
    .object({ length: z.number().int(), width: z.number().int(), height: z.number().int() })
    .nullable(),
});

/**
 * Everything search, pricing, inventory, wishlist and analytics need about a product, as it is
 * after the change: ids, SKUs, names in both languages, the category path, brand, attributes,
 * prices.
 */
export const ProductFactsSchema = z.object({
  productId: z.string().uuid(),
  vendorId: z.string().uuid(),
  status: z.enum(['draft', 'active', 'archived']),
  slug: z.string(),
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.nullable(),
  categoryId: z.string().uuid().nullable(),
  /** Root first, the product's own category last; empty without a category. */
  categoryPath: z.array(CategoryPathEntrySchema),
  brand: z.object({ brandId: z.string().uuid(), name: z.string(), slug: z.string() }).nullable(),
  tags: z.array(z.string()),
  attributes: z.record(z.string(), AttributeValueSchema),
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  mediaIds: z.array(z.string().uuid()),
  variants: z.array(ProductVariantFactsSchema),
  /** Increases by one with every change: consumers drop an event older than what they hold. */
  version: z.number().int().positive(),
  updatedAt: z.string().datetime({ offset: true }),
});
export type ProductFacts = z.infer<typeof ProductFactsSchema>;

/** A product was created (any status). */
export const ProductCreatedV1 = defineEvent('product.created.v1', ProductFactsSchema);

/** A product changed; `changed` names the top-level facts that differ (`name`, `variants`, `status`…). */
export const ProductUpdatedV1 = defineEvent(
  'product.updated.v1',
  ProductFactsSchema.extend({ changed: z.array(z.string()) }),
);

/** A product left the storefront (status `archived`); its SKUs are no longer sold. */
export const ProductArchivedV1 = defineEvent(
  'product.archived.v1',
  z.object({ productId: z.string().uuid(), vendorId: z.string().uuid(), skus: z.array(z.string()) }),
);

/** A draft product was deleted for good. */
export const ProductDeletedV1 = defineEvent(
  'product.deleted.v1',
  z.object({ productId: z.string().uuid(), vendorId: z.string().uuid(), skus: z.array(z.string()) }),
);

/** A variant (and its SKU) was removed from a product. */
export const ProductVariantRemovedV1 = defineEvent(
  'product.variant-removed.v1',
  z.object({
    productId: z.string().uuid(),
    vendorId: z.string().uuid(),
    variantId: z.string().uuid(),
    sku: z.string(),
  }),
);

const PricePoint = z.object({ price: EventMoneySchema, compareAtPrice: EventMoneySchema.nullable() });

/** A variant's price or compare-at price changed (price-drop alerts, price lists, analytics). */
export const ProductPriceChangedV1 = defineEvent(
  'product.price-changed.v1',
  z.object({
    productId: z.string().uuid(),
    vendorId: z.string().uuid(),
    variantId: z.string().uuid(),
    sku: z.string(),
    previous: PricePoint,
    current: PricePoint,
  }),
);

/** A category was created, renamed or moved: its path from the root as it is now. */
export const ProductCategoryChangedV1 = defineEvent(
  'product.category-changed.v1',
  z.object({
    categoryId: z.string().uuid(),
    parentId: z.string().uuid().nullable(),
    path: z.array(CategoryPathEntrySchema),
    /** Categories below it whose paths changed with it (a moved subtree). */
    descendantIds: z.array(z.string().uuid()),
  }),
);
