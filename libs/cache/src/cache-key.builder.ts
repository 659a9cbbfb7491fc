import { InternalError } from '@haat/common';
import { CACHE_ERRORS } from './cache.errors.js';
import type { CacheKey } from './cache.types.js';

/** One segment of a cache key or tag; never empty. */
export type KeyPart = string | number | bigint;

/**
 * `:` separates key parts, so a part holding `:` could forge another tenant's or entity's key
 * (`tenantKey(t, 'product', '1:price')` vs `tenantKey(t, 'product', '1', 'price')`). Escaping
 * `%` first and then `:` keeps the mapping one-to-one.
 */
function escapePart(part: KeyPart, what: string): string {
  const text = String(part);
  if (text.length === 0) {
    throw new InternalError(CACHE_ERRORS.invalidKey, `Cache ${what} must not be empty`);
  }
  return text.replaceAll('%', '%25').replaceAll(':', '%3A');
}

/**
 * Builds a tenant-scoped key or tag: `t:<tenantId>:<part>:<part>`. With no parts it is the
 * tenant's own tag (tag everything of a tenant with it to drop it all at once). Throws on an
 * empty tenant id or part; `:` and `%` inside parts are escaped.
 */
export function tenantKey(tenantId: string, ...parts: KeyPart[]): CacheKey {
  const segments = [escapePart(tenantId, 'tenant id'), ...parts.map((p) => escapePart(p, 'key part'))];
  return `t:${segments.join(':')}` as CacheKey;
}

/**
 * Builds a key or tag for data that belongs to no tenant (e.g. the tenant resolved from a host
 * name): `p:<part>:<part>`. Needs at least one part; parts are escaped like {@link tenantKey}.
 */
export function platformKey(first: KeyPart, ...rest: KeyPart[]): CacheKey {
  return `p:${[first, ...rest].map((p) => escapePart(p, 'key part')).join(':')}` as CacheKey;
}
