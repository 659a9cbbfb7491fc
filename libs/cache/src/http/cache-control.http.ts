import { InternalError } from '@haat/common';
import { CACHE_ERRORS } from '../cache.errors.js';

/** What a response may be cached as. */
export type CacheControlOptions =
  | { noStore: true }
  | {
      noStore?: false;
      /** `public`: shared caches (CDN, nginx) may keep it; `private`: only the user's browser. */
      visibility: 'public' | 'private';
      /** Fresh for this many seconds. */
      maxAgeS: number;
      /** After `maxAgeS`, serve stale for this long while revalidating in the background. */
      staleWhileRevalidateS?: number;
    };

function seconds(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InternalError(
      CACHE_ERRORS.invalidTtl,
      `Cache-Control ${name} must be a whole number of seconds`,
    );
  }
  return value;
}

/**
 * Builds a `Cache-Control` header value, e.g.
 * `cacheControl({ visibility: 'public', maxAgeS: 60, staleWhileRevalidateS: 300 })` →
 * `public, max-age=60, stale-while-revalidate=300`; `{ noStore: true }` → `no-store`.
 */
export function cacheControl(options: CacheControlOptions): string {
  if (options.noStore) return 'no-store';
  const directives = [options.visibility, `max-age=${seconds('maxAgeS', options.maxAgeS)}`];
  if (options.staleWhileRevalidateS !== undefined) {
    directives.push(
      `stale-while-revalidate=${seconds('staleWhileRevalidateS', options.staleWhileRevalidateS)}`,
    );
  }
  return directives.join(', ');
}
