import { NotFoundError } from '@haat/common';
import { type ResolvedTenant, ResolvedTenantSchema } from '@haat/contracts';
import type { ServiceClient } from '@haat/resilience';
import { signInternalRequest, systemContext } from '@haat/tenant';
import { LRUCache } from 'lru-cache';

/** The tenant-service endpoint that turns a host into a tenant (signed, platform scope). */
export const RESOLVE_HOST_PATH = '/internal/v1/tenants/resolve';

/** A host's tenant, or the fact that there is none (cached too, briefly). */
export type TenantLookup = { found: true; tenant: ResolvedTenant } | { found: false };

/** Options of {@link TenantResolver}. */
export interface TenantResolverOptions {
  /** The tenant-service client (its breaker and timeout apply to lookups). */
  directory: ServiceClient;
  /** Secret the lookups are signed with. */
  signingSecret: string;
  /** Most hosts kept; the least recently used go first. */
  maxEntries: number;
  ttlMs: number;
  negativeTtlMs: number;
  /** Told about each lookup: served from cache, or asked of tenant-service. */
  onLookup?: (source: 'cache' | 'directory', found: boolean) => void;
}

/**
 * Host → tenant through tenant-service, cache-aside. Known hosts are cached for `ttlMs`, unknown
 * ones for `negativeTtlMs` (so a flood of made-up hosts does not reach tenant-service), and
 * concurrent misses for one host share one call. A suspension shows up within `ttlMs`.
 *
 * The cache is this process's own LRU of parsed lookups, in both modes: it is read on every
 * request, and `@haat/cache` (JSON copies, or a Redis round trip) would cost more than the rest
 * of the gateway's work. Lookups are frozen, so sharing them between requests is safe.
 */
export class TenantResolver {
  private readonly inFlight = new Map<string, Promise<TenantLookup>>();
  private readonly cache: LRUCache<string, TenantLookup>;

  constructor(private readonly options: TenantResolverOptions) {
    this.cache = new LRUCache<string, TenantLookup>({ max: options.maxEntries });
  }

  /** The tenant at `host`, or 404 `TENANT_NOT_FOUND`. */
  async resolve(host: string, requestId: string): Promise<ResolvedTenant> {
    const lookup = await this.lookup(host, requestId);
    if (!lookup.found) throw tenantNotFound(host);
    return lookup.tenant;
  }

  async lookup(host: string, requestId: string): Promise<TenantLookup> {
    const cached = this.cache.get(host);
    if (cached) {
      this.options.onLookup?.('cache', cached.found);
      return cached;
    }
    let pending = this.inFlight.get(host);
    if (!pending) {
      pending = this.fetch(host, requestId).finally(() => this.inFlight.delete(host));
      this.inFlight.set(host, pending);
    }
    return pending;
  }

  private async fetch(host: string, requestId: string): Promise<TenantLookup> {
    const lookup = await this.ask(host, requestId);
    this.options.onLookup?.('directory', lookup.found);
    const ttl = lookup.found ? this.options.ttlMs : this.options.negativeTtlMs;
    this.cache.set(host, deepFreeze(lookup), { ttl });
    return lookup;
  }

  private async ask(host: string, requestId: string): Promise<TenantLookup> {
    try {
      const path = `${RESOLVE_HOST_PATH}?${new URLSearchParams({ host }).toString()}`;
      const headers = signInternalRequest({
        method: 'GET',
        path,
        context: systemContext(requestId),
        secret: this.options.signingSecret,
      });
      const tenant = await this.options.directory.getJson(path, ResolvedTenantSchema, { headers });
      return { found: true, tenant };
    } catch (error) {
      if (error instanceof NotFoundError) return { found: false };
      throw error;
    }
  }
}

export function tenantNotFound(host: string): NotFoundError {
  return new NotFoundError('TENANT_NOT_FOUND', `No tenant is served at ${host}`, { host });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
