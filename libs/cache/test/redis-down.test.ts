import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnavailableError } from '@haat/common';
import { createCache, type Cache, tenantKey } from '../src/index.js';

/** A port nobody listens on: bind an ephemeral port, then free it. */
async function unusedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('RedisCache with Redis down', () => {
  let cache: Cache;
  const absorbed: string[] = [];
  const key = tenantKey('tenant-1', 'product', 1);

  beforeAll(async () => {
    cache = createCache({
      redisUrl: `redis://127.0.0.1:${await unusedPort()}`,
      service: 'cache-down-test',
      maxEntries: 10,
      connectTimeoutMs: 300,
      commandTimeoutMs: 300,
      onError: (_error, operation) => absorbed.push(operation),
    });
  });
  afterAll(() => cache.close());

  it('wrap answers from the loader, quickly, instead of failing the request', async () => {
    const started = Date.now();
    const value = await cache.wrap(key, { ttlMs: 10_000 }, async () => ({ name: 'Tea' }));
    expect(value).toEqual({ name: 'Tea' });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(absorbed).toContain('get');
    expect(absorbed).toContain('wrap.set');
  });

  it('get answers a miss', async () => {
    expect(await cache.get(key)).toBeUndefined();
  });

  it('an invalidation fails loudly so the caller can retry it', async () => {
    await expect(cache.deleteByTag(tenantKey('tenant-1'))).rejects.toBeInstanceOf(UnavailableError);
    await expect(cache.delete(key)).rejects.toMatchObject({ code: 'CACHE_UNAVAILABLE' });
  });
});
