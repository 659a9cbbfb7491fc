import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type Cache, tenantKey } from '../src/index.js';

/**
 * The behaviour every `Cache` must have. `cache()` returns the implementation under test; it is
 * created once by the caller's hooks and shared (keys use fresh tenants, so tests never collide).
 */
export function cacheContract(name: string, cache: () => Cache): void {
  describe(`${name} contract`, () => {
    const tenant = () => randomUUID();

    it('returns what was set, as a copy', async () => {
      const key = tenantKey(tenant(), 'product', 1);
      const value = { name: 'Tea', price: { amount: 12_500n, currency: 'BDT' }, tags: ['hot'] };
      await cache().set(key, value, { ttlMs: 10_000 });
      const read = await cache().get<typeof value>(key);
      expect(read).toEqual(value);
      expect(read).not.toBe(value);
    });

    it('misses on a key never set', async () => {
      expect(await cache().get(tenantKey(tenant(), 'nothing'))).toBeUndefined();
    });

    it('caches null (a remembered “not found”)', async () => {
      const key = tenantKey(tenant(), 'missing-product');
      await cache().set(key, null, { ttlMs: 10_000 });
      expect(await cache().get(key)).toBeNull();
    });

    it('forgets an entry after its TTL', async () => {
      const key = tenantKey(tenant(), 'short');
      await cache().set(key, 'v', { ttlMs: 80 });
      expect(await cache().get(key)).toBe('v');
      await sleep(200);
      expect(await cache().get(key)).toBeUndefined();
    });

    it('deletes one entry', async () => {
      const key = tenantKey(tenant(), 'gone');
      await cache().set(key, 1, { ttlMs: 10_000 });
      await cache().delete(key);
      expect(await cache().get(key)).toBeUndefined();
    });

    it('drops every entry of a tag and nothing else', async () => {
      const t = tenant();
      const productTag = tenantKey(t, 'product', 7);
      const detail = tenantKey(t, 'product', 7, 'detail');
      const listing = tenantKey(t, 'listing', 'page', 1);
      const other = tenantKey(t, 'product', 8, 'detail');
      await cache().set(detail, 'detail', { ttlMs: 10_000, tags: [productTag] });
      await cache().set(listing, 'listing', { ttlMs: 10_000, tags: [productTag, tenantKey(t)] });
      await cache().set(other, 'other', { ttlMs: 10_000, tags: [tenantKey(t, 'product', 8)] });

      expect(await cache().deleteByTag(productTag)).toBe(2);

      expect(await cache().get(detail)).toBeUndefined();
      expect(await cache().get(listing)).toBeUndefined();
      expect(await cache().get(other)).toBe('other');
    });

    it('drops a whole tenant by its tenant tag, leaving other tenants alone', async () => {
      const [a, b] = [tenant(), tenant()];
      await cache().set(tenantKey(a, 'x'), 'a', { ttlMs: 10_000, tags: [tenantKey(a)] });
      await cache().set(tenantKey(b, 'x'), 'b', { ttlMs: 10_000, tags: [tenantKey(b)] });
      await cache().deleteByTag(tenantKey(a));
      expect(await cache().get(tenantKey(a, 'x'))).toBeUndefined();
      expect(await cache().get(tenantKey(b, 'x'))).toBe('b');
    });

    it('re-tagging an entry on overwrite moves it to the new tag', async () => {
      const t = tenant();
      const key = tenantKey(t, 'k');
      await cache().set(key, 1, { ttlMs: 10_000, tags: [tenantKey(t, 'old')] });
      await cache().set(key, 2, { ttlMs: 10_000, tags: [tenantKey(t, 'new')] });
      await cache().deleteByTag(tenantKey(t, 'new'));
      expect(await cache().get(key)).toBeUndefined();
    });

    it('a deleted tag no longer drops entries tagged after it', async () => {
      const t = tenant();
      const tag = tenantKey(t, 'product', 1);
      await cache().deleteByTag(tag);
      await cache().set(tenantKey(t, 'fresh'), 'fresh', { ttlMs: 10_000, tags: [tag] });
      expect(await cache().get(tenantKey(t, 'fresh'))).toBe('fresh');
      expect(await cache().deleteByTag(tag)).toBe(1);
    });

    it('keeps tenants apart: the same parts under two tenants are two entries', async () => {
      const [a, b] = [tenant(), tenant()];
      await cache().set(tenantKey(a, 'cart', 'u1'), 'cart of a', { ttlMs: 10_000 });
      expect(await cache().get(tenantKey(b, 'cart', 'u1'))).toBeUndefined();
      await cache().set(tenantKey(b, 'cart', 'u1'), 'cart of b', { ttlMs: 10_000 });
      expect(await cache().get(tenantKey(a, 'cart', 'u1'))).toBe('cart of a');
    });

    it('a part holding ":" cannot read another entry', async () => {
      const t = tenant();
      await cache().set(tenantKey(t, 'product', '1', 'price'), 100, { ttlMs: 10_000 });
      expect(await cache().get(tenantKey(t, 'product', '1:price'))).toBeUndefined();
    });

    it('wrap loads on a miss, then serves from the cache', async () => {
      const key = tenantKey(tenant(), 'wrapped');
      let calls = 0;
      const loader = async () => ({ n: ++calls });
      expect(await cache().wrap(key, { ttlMs: 10_000 }, loader)).toEqual({ n: 1 });
      expect(await cache().wrap(key, { ttlMs: 10_000 }, loader)).toEqual({ n: 1 });
      expect(calls).toBe(1);
    });

    it('wrap runs the loader once for 50 concurrent misses on one key', async () => {
      const key = tenantKey(tenant(), 'hot');
      let calls = 0;
      const loader = async () => {
        calls++;
        await sleep(50);
        return { price: 990n };
      };
      const results = await Promise.all(
        Array.from({ length: 50 }, () => cache().wrap(key, { ttlMs: 10_000 }, loader)),
      );
      expect(calls).toBe(1);
      expect(results).toHaveLength(50);
      for (const r of results) expect(r).toEqual({ price: 990n });
    });

    it('wrap passes a loader failure to every waiter and caches nothing', async () => {
      const key = tenantKey(tenant(), 'failing');
      let calls = 0;
      const loader = async (): Promise<string> => {
        calls++;
        await sleep(20);
        throw new Error('catalog down');
      };
      const outcomes = await Promise.allSettled(
        [1, 2, 3].map(() => cache().wrap(key, { ttlMs: 10_000 }, loader)),
      );
      expect(calls).toBe(1);
      expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
      expect(await cache().wrap(key, { ttlMs: 10_000 }, async () => 'recovered')).toBe('recovered');
    });

    it('wrap tags what it stores', async () => {
      const t = tenant();
      const key = tenantKey(t, 'product', 3);
      await cache().wrap(key, { ttlMs: 10_000, tags: [tenantKey(t, 'product', 3)] }, async () => 'v1');
      await cache().deleteByTag(tenantKey(t, 'product', 3));
      expect(await cache().wrap(key, { ttlMs: 10_000 }, async () => 'v2')).toBe('v2');
    });

    it('refuses a TTL that is not a positive integer', async () => {
      const key = tenantKey(tenant(), 'ttl');
      await expect(cache().set(key, 1, { ttlMs: 0 })).rejects.toThrow(/ttlMs/);
      await expect(cache().wrap(key, { ttlMs: 1.5 }, async () => 1)).rejects.toThrow(/ttlMs/);
    });
  });
}
