import type { Cache, CacheEntryOptions, CacheErrorListener, CacheKey } from './cache.types.js';
import { assertEntryOptions } from './entry-options.guard.js';
import type { SingleFlightCoalescer } from './single-flight.coalescer.js';

/**
 * The one cache-aside algorithm both caches share: read (a failed read is a miss), load once per
 * key per process, store (a failed store is reported, not thrown: the request still gets its data).
 */
export async function readThrough<T>(
  cache: Pick<Cache, 'get' | 'set'>,
  flights: SingleFlightCoalescer,
  onError: CacheErrorListener,
  key: CacheKey,
  options: CacheEntryOptions,
  loader: () => Promise<T>,
): Promise<T> {
  assertEntryOptions(options);
  return flights.run(key, async () => {
    const hit = await cache.get<T>(key);
    if (hit !== undefined) return hit;
    const value = await loader();
    if (value !== undefined) {
      try {
        await cache.set(key, value, options);
      } catch (error) {
        onError(error instanceof Error ? error : new Error(String(error)), 'wrap.set');
      }
    }
    return value;
  });
}
