import { Redis, type Result } from 'ioredis';
import type { LimitRule, RateLimitStore, WindowCount } from './rate-limit.types.js';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    haatRateLimitHit(numKeys: number, ...keysAndArgs: (string | number)[]): Result<number[], Context>;
  }
}

/**
 * INCR and, for a new window, PEXPIRE, for every key in one script: atomic per key, one round
 * trip per request, and a key can never be left without an expiry (the classic INCR-then-crash
 * leak). Returns `count, pttl` pairs.
 */
const HIT_SCRIPT = `
local out = {}
for i = 1, #KEYS do
  local count = redis.call('INCR', KEYS[i])
  local ttl = redis.call('PTTL', KEYS[i])
  if ttl < 0 then
    ttl = tonumber(ARGV[i])
    redis.call('PEXPIRE', KEYS[i], ttl)
  end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
return out
`;

/** Options of {@link RedisRateLimitStore}. */
export interface RedisRateLimitStoreOptions {
  url: string;
  /** Prepended to every key (`haat:api-gateway:rl:`). */
  keyPrefix: string;
  /** Told when the connection fails; the limiter fails open meanwhile. */
  onError: (error: Error) => void;
}

/**
 * Fixed windows in Redis, shared by every gateway instance. Commands fail fast while Redis is
 * unreachable (no offline queue, a short command timeout) so that the limiter can fail open
 * instead of holding requests.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;
  private readonly keyPrefix: string;

  constructor(options: RedisRateLimitStoreOptions) {
    this.keyPrefix = options.keyPrefix;
    this.redis = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 250,
      connectTimeout: 1_000,
      lazyConnect: true,
    });
    this.redis.on('error', options.onError);
    this.redis.defineCommand('haatRateLimitHit', { lua: HIT_SCRIPT });
  }

  /** Connects, giving up after `timeoutMs`; the limiter fails open until Redis is back. */
  async connect(timeoutMs = 1_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const connected = this.redis.connect().then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([connected, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  async hit(rules: readonly LimitRule[]): Promise<WindowCount[]> {
    const keys = rules.map((r) => this.keyPrefix + r.key);
    const windows = rules.map((r) => r.windowMs);
    const flat = await this.redis.haatRateLimitHit(keys.length, ...keys, ...windows);
    return rules.map((_, i) => ({ count: Number(flat[2 * i]), resetInMs: Number(flat[2 * i + 1]) }));
  }

  /** Redis answers a PING (readiness). */
  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
