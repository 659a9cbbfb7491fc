import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCache, createCache, tenantKey } from '../src/index.js';
import { cacheContract } from './cache-contract.suite.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const service = `cache-test-${randomUUID()}`;
const prefix = `haat:${service}:`;

let cache: RedisCache;
let admin: Redis;

async function keysOfThisRun(): Promise<string[]> {
  const found: string[] = [];
  for await (const batch of admin.scanStream({ match: `${prefix}*`, count: 500 }))
    found.push(...(batch as string[]));
  return found;
}

beforeAll(() => {
  cache = createCache({ redisUrl: REDIS_URL, service, maxEntries: 10 }) as RedisCache;
  admin = new Redis(REDIS_URL);
});

afterAll(async () => {
  await cache.close();
  const leftovers = await keysOfThisRun();
  if (leftovers.length) await admin.unlink(...leftovers);
  await admin.quit();
});

cacheContract('RedisCache', () => cache);

describe('RedisCache', () => {
  it('is what createCache returns with a Redis URL', () => {
    expect(cache).toBeInstanceOf(RedisCache);
  });

  it('writes every key under the service prefix, tenant first', async () => {
    const t = randomUUID();
    await cache.set(tenantKey(t, 'product', 1), 'v', { ttlMs: 10_000, tags: [tenantKey(t)] });
    const keys = (await keysOfThisRun()).filter((k) => k.includes(t)).sort();
    expect(keys).toEqual([`${prefix}k:t:${t}:product:1`, `${prefix}tag:t:${t}`]);
  });

  it('gives a tag set the TTL of its longest-lived entry', async () => {
    const t = randomUUID();
    const tag = tenantKey(t, 'product', 1);
    await cache.set(tenantKey(t, 'long'), 1, { ttlMs: 60_000, tags: [tag] });
    await cache.set(tenantKey(t, 'short'), 1, { ttlMs: 5_000, tags: [tag] });
    const ttl = await admin.pttl(`${prefix}tag:${tag}`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('lets the tag set expire with its entries', async () => {
    const t = randomUUID();
    const tag = tenantKey(t, 'product', 1);
    await cache.set(tenantKey(t, 'x'), 1, { ttlMs: 5_000, tags: [tag] });
    const ttl = await admin.pttl(`${prefix}tag:${tag}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5_000);
  });

  it('drops a tag with more members than one UNLINK batch', async () => {
    const t = randomUUID();
    const keys = Array.from({ length: 1_201 }, (_, i) => tenantKey(t, 'item', i));
    for (let i = 0; i < keys.length; i += 100) {
      await Promise.all(
        keys.slice(i, i + 100).map((k) => cache.set(k, 1, { ttlMs: 10_000, tags: [tenantKey(t)] })),
      );
    }
    expect(await cache.deleteByTag(tenantKey(t))).toBe(1_201);
    expect((await keysOfThisRun()).filter((k) => k.includes(t))).toEqual([]);
  });

  it('shares entries between two instances of one service (two replicas)', async () => {
    const replica = new RedisCache({ redisUrl: REDIS_URL, service });
    try {
      const key = tenantKey(randomUUID(), 'shared');
      await cache.set(key, { v: 1n }, { ttlMs: 10_000 });
      expect(await replica.get(key)).toEqual({ v: 1n });
    } finally {
      await replica.close();
    }
  });

  it('keeps services apart', async () => {
    const otherService = new RedisCache({ redisUrl: REDIS_URL, service: `${service}-other` });
    try {
      const key = tenantKey(randomUUID(), 'k');
      await cache.set(key, 'mine', { ttlMs: 10_000 });
      expect(await otherService.get(key)).toBeUndefined();
    } finally {
      await otherService.close();
    }
  });
});
