import { describe, expect, it } from 'vitest';
import { cacheControl } from './cache-control.http.js';

describe('cacheControl', () => {
  it('builds a public header with stale-while-revalidate', () => {
    expect(cacheControl({ visibility: 'public', maxAgeS: 60, staleWhileRevalidateS: 300 })).toBe(
      'public, max-age=60, stale-while-revalidate=300',
    );
  });

  it('builds a private header', () => {
    expect(cacheControl({ visibility: 'private', maxAgeS: 0 })).toBe('private, max-age=0');
  });

  it('says only no-store when nothing may be kept', () => {
    expect(cacheControl({ noStore: true })).toBe('no-store');
  });

  it('refuses negative or fractional seconds', () => {
    expect(() => cacheControl({ visibility: 'public', maxAgeS: -1 })).toThrow(/whole number/);
    expect(() => cacheControl({ visibility: 'public', maxAgeS: 10, staleWhileRevalidateS: 1.5 })).toThrow(
      /whole number/,
    );
  });
});
