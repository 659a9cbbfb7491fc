/** Stable error codes of `@haat/cache`. */
export const CACHE_ERRORS = {
  /** The backing store (Redis) did not answer a write or an invalidation. */
  unavailable: 'CACHE_UNAVAILABLE',
  /** A key, tag or TTL is malformed: a programming error. */
  invalidKey: 'CACHE_KEY_INVALID',
  invalidTtl: 'CACHE_TTL_INVALID',
} as const;
