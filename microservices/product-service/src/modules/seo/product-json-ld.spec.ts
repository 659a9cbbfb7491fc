import { describe, expect, it } from 'vitest';
import { productJsonLd } from './product-json-ld.js';

const base = {
  name: 'Jamdani Saree',
  description: 'Handwoven in Rupganj',
  url: 'https://shop.example.com/p/jamdani-saree',
  images: ['https://cdn.example.com/a.jpg'],
  brand: 'Tangail Looms',
  categoryPath: ['Clothing', 'Sarees'],
  locale: 'en' as const,
};

describe('productJsonLd', () => {
  it('describes a single-variant product with one Offer in major units and its GTIN', () => {
    const doc = productJsonLd({
      ...base,
      variants: [
        { sku: 'JS-1', barcode: '4006381333931', priceMinor: 1_250_050n, currency: 'BDT', options: {} },
      ],
    });
    expect(doc).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      sku: 'JS-1',
      gtin13: '4006381333931',
      brand: { '@type': 'Brand', name: 'Tangail Looms' },
      category: 'Clothing > Sarees',
      offers: { '@type': 'Offer', price: '12500.50', priceCurrency: 'BDT' },
    });
  });

  it('gives several variants an AggregateOffer with the price range', () => {
    const doc = productJsonLd({
      ...base,
      variants: [
        { sku: 'T-S', barcode: null, priceMinor: 50_000n, currency: 'BDT', options: { Size: 'S' } },
        { sku: 'T-L', barcode: null, priceMinor: 65_000n, currency: 'BDT', options: { Size: 'L' } },
      ],
    });
    expect(doc.offers).toEqual({
      '@type': 'AggregateOffer',
      lowPrice: '500.00',
      highPrice: '650.00',
      priceCurrency: 'BDT',
      offerCount: 2,
    });
    expect(doc.hasVariant).toHaveLength(2);
  });
});
