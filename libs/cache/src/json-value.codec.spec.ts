import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue } from './json-value.codec.js';

describe('cache value codec', () => {
  it('round-trips bigint money amounts, nested', () => {
    const value = {
      sku: 'A-1',
      price: { amount: 123456789012345678901234567890n, currency: 'BDT' },
      qty: [1n, 2],
    };
    expect(decodeValue(encodeValue(value))).toEqual(value);
  });

  it('round-trips a top-level bigint and negative amounts', () => {
    expect(decodeValue(encodeValue(-5n))).toBe(-5n);
  });

  it('turns a Date into its ISO string, as JSON does', () => {
    expect(decodeValue(encodeValue({ at: new Date('2025-01-02T03:04:05.000Z') }))).toEqual({
      at: '2025-01-02T03:04:05.000Z',
    });
  });

  it('leaves an object that only resembles the bigint box alone', () => {
    const value = { $bigint: '1', other: true };
    expect(decodeValue(encodeValue(value))).toEqual(value);
  });
});
