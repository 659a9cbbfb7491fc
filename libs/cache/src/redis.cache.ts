import { InternalError, UnavailableError } from '@haat/common';
import { Redis } from 'ioredis';
import { readThrough } from './cache-aside.reader.js';
import { CACHE_ERRORS } from './cache.errors.js';
import type { Cache, CacheEntryOptions, CacheErrorListener, CacheKey } from './cache.types.js';
import { assertEntryOptions } from './entry-options.guard.js';
import { decodeValue, encodeValue } from './json-value.codec.js';
import { SingleFlightCoalescer } from './single-flight.coalescer.js';

/** Options of {@link RedisCache}. */
export interface RedisCacheOptions {
  /** `redis://host:port/db`. */
  redisUrl: string;
  /** Owning service: every key lives under `haat:<service>:`. */
  service: string;
  /** Longest wait for a TCP connection to Redis. Default 1000 ms. */
  connectTimeoutMs?: number;
  /** Longest wait for one command's reply, queued ones included. Default 500 ms. */
  commandTimeoutMs?: number;
  onError?: CacheErrorListener;
}

/**
 * SMEMBERS then UNLINK of the members and of the set, as one atomic script. Done as separate
 * round trips, a failure after dropping the set would leave its entries cached with nothing left
 * to find them by on retry, and an entry re-tagged in between could be unindexed while cached.
 * KEYS[1] is the tag set (ioredis adds the prefix); ARGV[1] is the data-key prefix.
 */
const DELETE_TAG_SCRIPT = `
local members = redis.call('SMEMBERS', KEYS[1])
for i = 1, #members, 500 do
  local batch = {}
  for j = i, math.min(i + 499, #members) do batch[#batch + 1] = ARGV[1] .. members[j] end
  redis.call('UNLINK', unpack(batch))
end
redis.call('UNLINK', KEYS[1])
return #members
`;
const SERVICE_NAME = /^[a-z0-9][a-z0-9-]*$/;

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Redis-backed cache (distributed mode). Layout under the service prefix `haat:<service>:`:
 * `k:<key>` holds the JSON value with `PX` TTL; `tag:<tag>` is a set of keys whose TTL is
 * stretched to the longest-lived member (`PEXPIRE NX` then `GT`, so Redis 7 is required).
 *
 * A down Redis must never stall a request: commands time out after `commandTimeoutMs`, and
 * `maxRetriesPerRequest: 0` fails queued commands on the first failed reconnect instead of
 * holding them through the reconnect back-off.
 */
export class RedisCache implements Cache {
  /** Prefix of every Redis key this cache writes (`haat:<service>:`). */
  readonly prefix: string;
  private readonly redis: Redis;
  private readonly flights = new SingleFlightCoalescer();
  private readonly onError: CacheErrorListener;

  constructor(options: RedisCacheOptions) {
    if (!SERVICE_NAME.test(options.service)) {
      throw new InternalError(
        CACHE_ERRORS.invalidKey,
        `Cache service name "${options.service}" must be kebab-case`,
      );
    }
    this.prefix = `haat:${options.service}:`;
    this.onError = options.onError ?? (() => undefined);
    this.redis = new Redis(options.redisUrl, {
      keyPrefix: this.prefix,
      connectTimeout: options.connectTimeoutMs ?? 1_000,
      commandTimeout: options.commandTimeoutMs ?? 500,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    });
    // Without a listener ioredis prints every failed reconnect to stderr.
    this.redis.on('error', (error: Error) => this.onError(error, 'connection'));
  }

  async get<T>(key: CacheKey): Promise<T | undefined> {
    try {
      const json = await this.redis.get(dataKey(key));
      return json === null ? undefined : decodeValue<T>(json);
    } catch (error) {
      this.onError(asError(error), 'get');
      return undefined;
    }
  }

  async set<T>(key: CacheKey, value: T, options: CacheEntryOptions): Promise<void> {
    assertEntryOptions(options);
    if (value === undefined) return;
    const json = encodeValue(value);
    const tx = this.redis.multi().set(dataKey(key), json, 'PX', options.ttlMs);
    for (const tag of new Set(options.tags ?? [])) {
      tx.sadd(tagKey(tag), key)
        .pexpire(tagKey(tag), options.ttlMs, 'NX')
        .pexpire(tagKey(tag), options.ttlMs, 'GT');
    }
    await this.exec('set', () => tx.exec());
  }

  async delete(key: CacheKey): Promise<void> {
    await this.run('delete', () => this.redis.unlink(dataKey(key)));
  }

  async deleteByTag(tag: CacheKey): Promise<number> {
    const count = await this.run('deleteByTag', () =>
      this.redis.eval(DELETE_TAG_SCRIPT, 1, tagKey(tag), `${this.prefix}${dataKey('')}`),
    );
    return Number(count);
  }

  wrap<T>(key: CacheKey, options: CacheEntryOptions, loader: () => Promise<T>): Promise<T> {
    return readThrough(this, this.flights, this.onError, key, options, loader);
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') {
      await this.redis.quit();
    } else {
      this.redis.disconnect();
    }
  }

  private async run<R>(operation: string, command: () => Promise<R>): Promise<R> {
    try {
      return await command();
    } catch (error) {
      throw this.unavailable(operation, asError(error));
    }
  }

  /** Runs a MULTI and returns its replies, throwing if the transaction or any command in it failed. */
  private async exec(
    operation: string,
    transaction: () => Promise<[Error | null, unknown][] | null>,
  ): Promise<unknown[]> {
    const replies = await this.run(operation, transaction);
    if (replies === null) throw this.unavailable(operation, new Error('transaction aborted'));
    const failed = replies.find(([error]) => error !== null);
    if (failed?.[0]) throw this.unavailable(operation, failed[0]);
    return replies.map(([, reply]) => reply);
  }

  private unavailable(operation: string, cause: Error): UnavailableError {
    const error = new UnavailableError(
      CACHE_ERRORS.unavailable,
      `Cache ${operation} failed: ${cause.message}`,
      {
        operation,
      },
    );
    error.cause = cause;
    return error;
  }
}

function dataKey(key: string): string {
  return `k:${key}`;
}

function tagKey(tag: string): string {
  return `tag:${tag}`;
}
