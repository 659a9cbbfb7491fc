import type { ProductFacts } from '@haat/contracts';
import type { ProductAggregate } from './product-aggregate.loader.js';
import type { ProductView, VariantView } from './dto/product-view.dto.js';
import type { VariantRow } from './products.schema.js';

function moneyJson(amountMinor: bigint | null, currency: string) {
  return amountMinor === null ? null : { amountMinor: amountMinor.toString(), currency };
}

function dimensions(v: VariantRow) {
  return v.lengthMm !== null && v.widthMm !== null && v.heightMm !== null
    ? { length: v.lengthMm, width: v.widthMm, height: v.heightMm }
    : null;
}

export function toVariantView(v: VariantRow, withCost: boolean): VariantView {
  const view: VariantView = {
    id: v.id,
    sku: v.sku,
    barcode: v.barcode,
    options: v.options,
    price: { amountMinor: v.priceMinor.toString(), currency: v.currency },
    compareAtPrice: moneyJson(v.compareAtMinor, v.currency),
    weightGrams: v.weightGrams,
    dimensionsMm: dimensions(v),
  };
  if (withCost) view.cost = moneyJson(v.costMinor, v.currency);
  return view;
}

/** What tenant and vendor staff see: everything, cost included. */
export function toProductView(a: ProductAggregate): ProductView {
  const p = a.product;
  return {
    id: p.id,
    vendorId: p.vendorId,
    status: p.status,
    slug: p.slug,
    name: { en: p.nameEn, bn: p.nameBn },
    description: { en: p.descriptionEn, bn: p.descriptionBn },
    category: a.breadcrumbs[a.breadcrumbs.length - 1] ?? null,
    breadcrumbs: a.breadcrumbs,
    brand: a.brand ? { id: a.brand.id, name: a.brand.name, slug: a.brand.slug } : null,
    tags: p.tags,
    attributes: p.attributes,
    options: p.options,
    variants: a.variants.map((v) => toVariantView(v, true)),
    mediaIds: p.mediaIds,
    seo: { metaTitle: p.metaTitle, metaDescription: p.metaDescription, canonicalUrl: p.canonicalUrl },
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The event payload: what search, pricing, inventory, wishlist and analytics need. */
export function toProductFacts(a: ProductAggregate): ProductFacts {
  const p = a.product;
  return {
    productId: p.id,
    vendorId: p.vendorId,
    status: p.status,
    slug: p.slug,
    name: { en: p.nameEn, bn: p.nameBn },
    description:
      p.descriptionEn === null && p.descriptionBn === null
        ? null
        : { en: p.descriptionEn ?? '', bn: p.descriptionBn },
    categoryId: p.categoryId,
    categoryPath: a.breadcrumbs.map((b) => ({ categoryId: b.id, slug: b.slug, name: b.name })),
    brand: a.brand ? { brandId: a.brand.id, name: a.brand.name, slug: a.brand.slug } : null,
    tags: p.tags,
    attributes: p.attributes,
    options: p.options,
    mediaIds: p.mediaIds,
    variants: a.variants.map((v) => ({
      variantId: v.id,
      sku: v.sku,
      barcode: v.barcode,
      options: v.options,
      price: { amountMinor: v.priceMinor.toString(), currency: v.currency },
      compareAtPrice: moneyJson(v.compareAtMinor, v.currency),
      cost: moneyJson(v.costMinor, v.currency),
      weightGrams: v.weightGrams,
      dimensionsMm: dimensions(v),
    })),
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The top-level facts that differ between two states of a product (for `changed`). */
export function changedFacts(before: ProductFacts, after: ProductFacts): string[] {
  const keys = Object.keys(after) as (keyof ProductFacts)[];
  return keys.filter(
    (k) => k !== 'version' && k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}
