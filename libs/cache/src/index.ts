export type { Cache, CacheEntryOptions, CacheErrorListener, CacheKey } from './cache.types.js';
export { CACHE_ERRORS } from './cache.errors.js';
export { tenantKey, platformKey, type KeyPart } from './cache-key.builder.js';
export { MemoryCache, type MemoryCacheOptions } from './memory.cache.js';
export { RedisCache, type RedisCacheOptions } from './redis.cache.js';
export { createCache, type CreateCacheOptions } from './cache.factory.js';
export { etagFor, isNotModified } from './http/etag.http.js';
export { cacheControl, type CacheControlOptions } from './http/cache-control.http.js';
