import { describe, expect, it } from 'vitest';
import { parseImportRow } from './import-row.parser.js';

const good = {
  handle: 'jamdani-saree',
  sku: 'JS-RED',
  name_en: 'Jamdani Saree',
  name_bn: 'জামদানি শাড়ি',
  price: '1,250.50',
  currency: 'bdt',
  compare_at_price: '',
  option1_name: 'Colour',
  option1_value: 'Red',
  tags: 'Handloom| Saree |handloom',
  weight_grams: '৪৫০',
  'attr:material': 'muslin',
};

describe('parseImportRow', () => {
  it('reads prices in major units (thousands separators allowed), Bangla digits and tags', () => {
    const r = parseImportRow(good, 2);
    if (!('row' in r)) throw new Error(JSON.stringify(r.errors));
    expect(r.row.variant).toMatchObject({
      priceMinor: 125_050n,
      currency: 'BDT',
      compareAtMinor: null,
      weightGrams: 450,
    });
    expect(r.row.product.tags).toEqual(['handloom', 'saree']);
    expect(r.row.product.nameBn).toBe('জামদানি শাড়ি');
    expect(r.row.options).toEqual([['Colour', 'Red']]);
    expect(r.row.product.attributes).toEqual({ material: 'muslin' });
  });

  it('names the line and column of every bad cell', () => {
    const r = parseImportRow(
      {
        ...good,
        price: '12.345',
        currency: 'BDT',
        handle: 'Not A Slug',
        option2_name: 'Size',
        status: 'live',
      },
      7,
    );
    expect('errors' in r && r.errors.map((e) => [e.line, e.column])).toEqual([
      [7, 'handle'],
      [7, 'price'],
      [7, 'status'],
      [7, 'option2_value'],
    ]);
  });

  it('requires a SKU, a price and a known currency', () => {
    const r = parseImportRow({ handle: 'x', sku: '', price: '', currency: 'XYZ' }, 3);
    expect('errors' in r && r.errors.map((e) => e.column)).toEqual(['sku', 'currency', 'price']);
  });
});
