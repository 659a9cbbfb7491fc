import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCache, createCache, tenantKey } from '../src/index.js';
import { cacheContract } from './cache-contract.suite.js';

let cache: MemoryCache;
beforeAll(() => {
  cache = new MemoryCache({ maxEntries: 1_000 });
});
afterAll(() => cache.close());

cacheContract('MemoryCache', () => cache);

describe('MemoryCache', () => {
  it('evicts the least recently used entry beyond maxEntries, and its tag no longer counts it', async () => {
    const small = new MemoryCache({ maxEntries: 2 });
    const tag = tenantKey('t1', 'all');
    await small.set(tenantKey('t1', 'a'), 'a', { ttlMs: 10_000, tags: [tag] });
    await small.set(tenantKey('t1', 'b'), 'b', { ttlMs: 10_000, tags: [tag] });
    await small.get(tenantKey('t1', 'a'));
    await small.set(tenantKey('t1', 'c'), 'c', { ttlMs: 10_000, tags: [tag] });
    expect(await small.get(tenantKey('t1', 'b'))).toBeUndefined();
    expect(await small.get(tenantKey('t1', 'a'))).toBe('a');
    expect(await small.deleteByTag(tag)).toBe(2);
  });

  it('is what createCache returns without a Redis URL', () => {
    expect(createCache({ service: 'catalog', maxEntries: 10 })).toBeInstanceOf(MemoryCache);
  });
});
