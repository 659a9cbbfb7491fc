import { describe, expect, it } from 'vitest';
import { SlugSchema, slugFromName, slugWithIdSuffix } from './slug.rules.js';

describe('slugFromName', () => {
  it('lower-cases and hyphenates English names', () => {
    expect(slugFromName('Cotton T-Shirt (Red), Size M')).toBe('cotton-t-shirt-red-size-m');
  });

  it('transliterates Bangla into a readable Latin slug', () => {
    const slug = slugFromName('জামদানি শাড়ি');
    expect(slug).toMatch(/^jaamdaani-/);
    expect(SlugSchema.safeParse(slug).success).toBe(true);
  });

  it('gives an empty slug when nothing is left, which the id suffix fills', () => {
    expect(slugFromName('!!! ???')).toBe('');
    expect(slugWithIdSuffix('', '0190a4c6-1234-7abc-8def-0123456789ab')).toBe('item-456789ab');
    expect(slugWithIdSuffix('kurta', '0190a4c6-1234-7abc-8def-0123456789ab')).toBe('kurta-456789ab');
  });
});
