import { type CurrencyCode, CURRENCY_EXPONENTS, formatMajor } from '@haat/common';

export interface JsonLdVariant {
  sku: string;
  barcode: string | null;
  priceMinor: bigint;
  currency: string;
  options: Record<string, string>;
}

export interface JsonLdInput {
  name: string;
  description: string | null;
  url: string | null;
  images: readonly string[];
  brand: string | null;
  /** Category names, root first. */
  categoryPath: readonly string[];
  variants: readonly JsonLdVariant[];
  locale: 'en' | 'bn';
}

function major(minor: bigint, currency: string): string {
  return currency in CURRENCY_EXPONENTS
    ? formatMajor({ amountMinor: minor, currency: currency as CurrencyCode })
    : minor.toString();
}

function gtinField(barcode: string): Record<string, string> {
  // schema.org knows GTIN-8/12/13/14 by length; anything else is a plain product id.
  return /^\d{8}$|^\d{12,14}$/.test(barcode)
    ? { [`gtin${barcode.length}`]: barcode }
    : { productID: barcode };
}

/**
 * schema.org `Product` JSON-LD for a storefront page: one `Offer` for a single variant, an
 * `AggregateOffer` (low/high price) and `hasVariant` items otherwise. Prices in major units as
 * decimal strings, as search engines expect.
 */
export function productJsonLd(input: JsonLdInput): Record<string, unknown> {
  const prices = input.variants.map((v) => v.priceMinor);
  const currency = input.variants[0]?.currency ?? null;
  const doc: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: input.name,
    inLanguage: input.locale,
  };
  if (input.description) doc.description = input.description;
  if (input.url) doc.url = input.url;
  if (input.images.length > 0) doc.image = [...input.images];
  if (input.brand) doc.brand = { '@type': 'Brand', name: input.brand };
  if (input.categoryPath.length > 0) doc.category = input.categoryPath.join(' > ');
  const only = input.variants.length === 1 ? input.variants[0] : undefined;
  if (only) {
    doc.sku = only.sku;
    if (only.barcode) Object.assign(doc, gtinField(only.barcode));
    doc.offers = {
      '@type': 'Offer',
      price: major(only.priceMinor, only.currency),
      priceCurrency: only.currency,
      ...(input.url ? { url: input.url } : {}),
    };
  } else if (currency && prices.length > 1) {
    const low = prices.reduce((a, b) => (b < a ? b : a));
    const high = prices.reduce((a, b) => (b > a ? b : a));
    doc.offers = {
      '@type': 'AggregateOffer',
      lowPrice: major(low, currency),
      highPrice: major(high, currency),
      priceCurrency: currency,
      offerCount: prices.length,
    };
    doc.hasVariant = input.variants.map((v) => ({
      '@type': 'Product',
      sku: v.sku,
      name: [input.name, ...Object.values(v.options)].join(' – '),
      ...(v.barcode ? gtinField(v.barcode) : {}),
      offers: { '@type': 'Offer', price: major(v.priceMinor, v.currency), priceCurrency: v.currency },
    }));
  }
  return doc;
}
