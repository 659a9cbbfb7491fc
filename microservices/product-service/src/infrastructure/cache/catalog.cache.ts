import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type Cache, type CacheKey, createCache, tenantKey } from '@haat/cache';
import { SERVICE_CONFIG } from '@haat/service';
import type { ProductServiceConfig } from '../../config/product-service.config.js';

/**
 * Storefront reads of products, cached per tenant (Redis in distributed mode, in-process
 * otherwise). Every entry is tagged with its product and with the tenant's catalogue, so a
 * product change drops that product's entries and a taxonomy change drops the tenant's.
 */
@Injectable()
export class CatalogCache implements OnModuleDestroy {
  private readonly cache: Cache;
  private readonly logger = new Logger('CatalogCache');
  readonly ttlMs: number;

  constructor(@Inject(SERVICE_CONFIG) config: ProductServiceConfig) {
    this.ttlMs = config.PRODUCT_CACHE_TTL;
    this.cache = createCache({
      redisUrl: config.REDIS_URL,
      service: 'product-service',
      maxEntries: 20_000,
      onError: (err, operation) => this.logger.warn({ err, operation }, 'cache store failure absorbed'),
    });
  }

  /**
   * Cache-aside: the cached read of `parts` for the tenant, or the loader's, stored tagged with
   * the products it shows and the tenant's catalogue. A store failure only costs the caching.
   */
  async read<T>(
    tenantId: string,
    parts: readonly string[],
    loader: () => Promise<{ value: T; productIds: readonly string[] }>,
  ): Promise<T> {
    const key = tenantKey(tenantId, 'read', ...parts);
    const hit = await this.cache.get<T>(key);
    if (hit !== undefined) return hit;
    const { value, productIds } = await loader();
    const tags: CacheKey[] = [
      ...productIds.map((id) => tenantKey(tenantId, 'product', id)),
      this.catalogTag(tenantId),
    ];
    await this.cache
      .set(key, value, { ttlMs: this.ttlMs, tags })
      .catch((err: unknown) => this.logger.warn({ err }, 'could not cache a read'));
    return value;
  }

  /** Drops every cached read that showed one of these products. */
  async invalidateProducts(tenantId: string, productIds: readonly string[]): Promise<void> {
    for (const id of new Set(productIds)) await this.cache.deleteByTag(tenantKey(tenantId, 'product', id));
  }

  /** Drops every cached read of the tenant (category renamed or moved: breadcrumbs changed). */
  async invalidateTenant(tenantId: string): Promise<void> {
    await this.cache.deleteByTag(this.catalogTag(tenantId));
  }

  private catalogTag(tenantId: string): CacheKey {
    return tenantKey(tenantId, 'catalog');
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache.close();
  }
}
