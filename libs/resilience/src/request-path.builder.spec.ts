import { describe, expect, it } from 'vitest';
import { buildRequestTarget } from './request-path.builder.js';

describe('buildRequestTarget', () => {
  it('appends the path to the base path', () => {
    expect(buildRequestTarget('/internal/', '/products/1')).toBe('/internal/products/1');
    expect(buildRequestTarget('/', '/products/1')).toBe('/products/1');
  });

  it('encodes the query, repeating array values and skipping absent ones', () => {
    expect(
      buildRequestTarget('/', '/search', {
        q: 'চা & coffee',
        ids: ['a', 'b'],
        limit: 20,
        cursor: undefined,
        x: null,
      }),
    ).toBe('/search?q=%E0%A6%9A%E0%A6%BE+%26+coffee&ids=a&ids=b&limit=20');
  });

  it('extends a query string already in the path', () => {
    expect(buildRequestTarget('/', '/search?q=tea', { limit: 5 })).toBe('/search?q=tea&limit=5');
  });

  it('refuses a path without a leading slash', () => {
    expect(() => buildRequestTarget('/', 'products')).toThrow(/must start with/);
  });
});
