import { LRUCache } from 'lru-cache';
import { readThrough } from './cache-aside.reader.js';
import type { Cache, CacheEntryOptions, CacheErrorListener, CacheKey } from './cache.types.js';
import { assertEntryOptions } from './entry-options.guard.js';
import { decodeValue, encodeValue } from './json-value.codec.js';
import { SingleFlightCoalescer } from './single-flight.coalescer.js';

interface StoredEntry {
  json: string;
  tags: readonly string[];
}

/** Options of {@link MemoryCache}. */
export interface MemoryCacheOptions {
  /** Most entries kept; the least recently used go first. */
  maxEntries: number;
  onError?: CacheErrorListener;
}

/**
 * In-process cache (embedded mode and tests): an LRU bounded by entry count with a TTL per entry.
 * Values are stored as JSON so it behaves exactly like {@link RedisCache} (copies, bigint boxing).
 */
export class MemoryCache implements Cache {
  private readonly entries: LRUCache<string, StoredEntry>;
  /** tag → keys; kept in step with `entries` by the LRU's dispose hook. */
  private readonly tagIndex = new Map<string, Set<string>>();
  private readonly flights = new SingleFlightCoalescer();
  private readonly onError: CacheErrorListener;

  constructor(options: MemoryCacheOptions) {
    this.onError = options.onError ?? (() => undefined);
    this.entries = new LRUCache<string, StoredEntry>({
      max: options.maxEntries,
      // An overwrite ('set') re-indexes in set() itself; evictions, expiry and deletes unindex here.
      dispose: (entry, key, reason) => {
        if (reason !== 'set') this.unindex(key, entry.tags);
      },
    });
  }

  async get<T>(key: CacheKey): Promise<T | undefined> {
    const entry = this.entries.get(key);
    return entry === undefined ? undefined : decodeValue<T>(entry.json);
  }

  async set<T>(key: CacheKey, value: T, options: CacheEntryOptions): Promise<void> {
    assertEntryOptions(options);
    if (value === undefined) return;
    const tags = [...new Set(options.tags ?? [])];
    const previous = this.entries.peek(key, { allowStale: true });
    if (previous) this.unindex(key, previous.tags);
    this.entries.set(key, { json: encodeValue(value), tags }, { ttl: options.ttlMs });
    for (const tag of tags) {
      let keys = this.tagIndex.get(tag);
      if (!keys) this.tagIndex.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  async delete(key: CacheKey): Promise<void> {
    this.entries.delete(key);
  }

  async deleteByTag(tag: CacheKey): Promise<number> {
    const keys = [...(this.tagIndex.get(tag) ?? [])];
    for (const key of keys) this.entries.delete(key);
    this.tagIndex.delete(tag);
    return keys.length;
  }

  wrap<T>(key: CacheKey, options: CacheEntryOptions, loader: () => Promise<T>): Promise<T> {
    return readThrough(this, this.flights, this.onError, key, options, loader);
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.tagIndex.clear();
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.tagIndex.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.tagIndex.delete(tag);
    }
  }
}
