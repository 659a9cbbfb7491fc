import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/gateway.config.js';
import { MemoryRateLimitStore } from './memory-rate-limit.store.js';
import { RedisRateLimitStore } from './redis-rate-limit.store.js';
import { RateLimiter } from './rate-limiter.js';

/** A function that logs at most once per `intervalMs` (an outage must not flood the log). */
function throttled(intervalMs: number, log: (error: unknown) => void): (error: unknown) => void {
  let last = 0;
  return (error) => {
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    log(error);
  };
}

/** The limiter and, in distributed mode, the Redis store behind it (to connect and probe). */
export interface LimiterSetup {
  limiter: RateLimiter | null;
  redis: RedisRateLimitStore | null;
}

/**
 * Redis-backed limits when `REDIS_URL` is set (every gateway instance shares the counters),
 * in-process otherwise (embedded mode); none when `RATE_LIMIT_ENABLED=false`. With Redis down
 * the limiter lets requests through and logs `rate limit store unavailable` every 10 s.
 */
export function createRateLimiter(config: GatewayConfig, logger: Logger): LimiterSetup {
  if (!config.RATE_LIMIT_ENABLED) return { limiter: null, redis: null };
  const onStoreFailure = throttled(10_000, (error) =>
    logger.warn({ err: error }, 'rate limit store unavailable; requests are let through (fail open)'),
  );
  if (!config.REDIS_URL)
    return { limiter: new RateLimiter(new MemoryRateLimitStore(), onStoreFailure), redis: null };
  const redis = new RedisRateLimitStore({
    url: config.REDIS_URL,
    keyPrefix: config.RATE_LIMIT_KEY_PREFIX,
    onError: throttled(10_000, (error) => logger.warn({ err: error }, 'rate limit Redis connection error')),
  });
  return { limiter: new RateLimiter(redis, onStoreFailure), redis };
}
