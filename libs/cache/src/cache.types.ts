/**
 * A cache key or tag built by {@link tenantKey} or {@link platformKey}. The brand stops a raw
 * string (and with it a key that does not start with its tenant) from reaching a cache.
 */
export type CacheKey = string & { readonly __cacheKey: unique symbol };

/** How long an entry lives and which tags can invalidate it. */
export interface CacheEntryOptions {
  /** Time to live in milliseconds (a positive integer). */
  ttlMs: number;
  /** Tags (built like keys) whose {@link Cache.deleteByTag} drops this entry. */
  tags?: readonly CacheKey[];
}

/**
 * A JSON cache. Values go through JSON on every implementation, so a cached value comes back as
 * a fresh copy: `bigint` survives (encoded as `{"$bigint":"<digits>"}`), `Date` comes back as its
 * ISO string, `undefined` properties disappear, and `undefined` itself is never stored.
 *
 * Reads degrade: when the backing store is down, `get` answers a miss and `wrap` runs the loader.
 * Writes that invalidate (`delete`, `deleteByTag`) and an explicit `set` throw
 * `UnavailableError('CACHE_UNAVAILABLE')` so that the caller (often an event consumer) retries
 * instead of leaving stale data behind.
 */
export interface Cache {
  /** The cached value, or `undefined` on a miss (or when the store cannot be reached). */
  get<T>(key: CacheKey): Promise<T | undefined>;
  /** Stores `value` for `ttlMs`, indexed under each tag. `undefined` is not stored. */
  set<T>(key: CacheKey, value: T, options: CacheEntryOptions): Promise<void>;
  /** Drops one entry. */
  delete(key: CacheKey): Promise<void>;
  /** Drops every entry stored with `tag`; resolves to how many keys the tag listed (expired ones included). */
  deleteByTag(tag: CacheKey): Promise<number>;
  /**
   * Cache-aside: the cached value, or the loader's result stored for next time. Concurrent
   * misses on one key in this process share one loader call. A store failure never fails the
   * call: the loader's value is returned uncached.
   */
  wrap<T>(key: CacheKey, options: CacheEntryOptions, loader: () => Promise<T>): Promise<T>;
  /** Releases connections; the cache is unusable afterwards. */
  close(): Promise<void>;
}

/** Told about every store failure the cache absorbed (for logs and metrics). */
export type CacheErrorListener = (error: Error, operation: string) => void;
