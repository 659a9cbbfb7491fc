import type { Cache, CacheErrorListener } from './cache.types.js';
import { MemoryCache } from './memory.cache.js';
import { RedisCache } from './redis.cache.js';

/** Options of {@link createCache}. */
export interface CreateCacheOptions {
  /** Redis in distributed mode; without it the cache is in-process. */
  redisUrl?: string | undefined;
  /** Owning service, used as the Redis key prefix `haat:<service>:`. */
  service: string;
  /** Entry bound of the in-process cache. */
  maxEntries: number;
  /** Redis connect bound in ms (default 1000). */
  connectTimeoutMs?: number;
  /** Redis per-command bound in ms (default 500). */
  commandTimeoutMs?: number;
  /** Told about store failures the cache absorbed; wire it to the logger. */
  onError?: CacheErrorListener;
}

/** The service's cache: {@link RedisCache} when `redisUrl` is set, {@link MemoryCache} otherwise. */
export function createCache(options: CreateCacheOptions): Cache {
  if (options.redisUrl) {
    return new RedisCache({
      redisUrl: options.redisUrl,
      service: options.service,
      connectTimeoutMs: options.connectTimeoutMs,
      commandTimeoutMs: options.commandTimeoutMs,
      onError: options.onError,
    });
  }
  return new MemoryCache({ maxEntries: options.maxEntries, onError: options.onError });
}
