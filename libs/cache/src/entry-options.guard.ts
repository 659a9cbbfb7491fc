import { InternalError } from '@haat/common';
import { CACHE_ERRORS } from './cache.errors.js';
import type { CacheEntryOptions } from './cache.types.js';

/** A TTL that is not a positive integer is a bug in the caller; fail loudly, never cache forever. */
export function assertEntryOptions(options: CacheEntryOptions): void {
  if (!Number.isSafeInteger(options.ttlMs) || options.ttlMs <= 0) {
    throw new InternalError(
      CACHE_ERRORS.invalidTtl,
      `Cache ttlMs must be a positive integer, got ${options.ttlMs}`,
    );
  }
}
