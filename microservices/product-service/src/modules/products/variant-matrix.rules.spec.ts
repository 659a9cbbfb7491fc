import { describe, expect, it } from 'vitest';
import {
  checkOptions,
  checkVariants,
  generatedSku,
  optionKey,
  variantMatrix,
} from './variant-matrix.rules.js';

const options = [
  { name: 'Size', values: ['S', 'M', 'L'] },
  { name: 'Colour', values: ['Red', 'Navy Blue'] },
];

describe('variant matrix', () => {
  it('gives every size × colour combination once, in order', () => {
    const matrix = variantMatrix(options);
    expect(matrix).toHaveLength(6);
    expect(matrix[0]).toEqual({ Size: 'S', Colour: 'Red' });
    expect(matrix[5]).toEqual({ Size: 'L', Colour: 'Navy Blue' });
    expect(new Set(matrix.map((m) => optionKey(options, m))).size).toBe(6);
  });

  it('gives one empty combination for a product without options', () => {
    expect(variantMatrix([])).toEqual([{}]);
  });

  it('generates readable SKUs from the prefix and values', () => {
    expect(generatedSku('TEE', { Size: 'M', Colour: 'Navy Blue' }, options)).toBe('TEE-M-NAVY-BLUE');
  });

  it('refuses variants with missing, unknown or repeated option values and duplicate SKUs', () => {
    const issues = checkVariants(options, [
      { sku: 'A', options: { Size: 'S', Colour: 'Red' } },
      { sku: 'a', options: { Size: 'S', Colour: 'Red' } },
      { sku: 'B', options: { Size: 'XL', Colour: 'Red', Fit: 'Slim' } },
      { sku: 'C', options: { Size: 'M' } },
    ]);
    expect(issues.map((i) => i.field)).toEqual([
      'variants.1.options',
      'variants.1.sku',
      'variants.2.options.Fit',
      'variants.2.options.Size',
      'variants.3.options.Colour',
    ]);
  });

  it('refuses duplicate option names and values', () => {
    expect(
      checkOptions([
        { name: 'Size', values: ['S', 's'] },
        { name: 'size', values: ['M'] },
      ]).map((i) => i.field),
    ).toEqual(['options.0.values.1', 'options.1.name']);
  });
});
