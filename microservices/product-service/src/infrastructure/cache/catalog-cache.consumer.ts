import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ProductArchivedV1,
  ProductCategoryChangedV1,
  ProductDeletedV1,
  ProductPriceChangedV1,
  ProductUpdatedV1,
  ProductVariantRemovedV1,
} from '@haat/contracts';
import { EventConsumers } from '@haat/service';
import { CatalogCache } from './catalog.cache.js';

/**
 * Drops cached storefront reads when a product or category event arrives: the writer already
 * invalidated its own cache, and this reaches every other replica's (in-process caches) and
 * anything a writer's direct invalidation missed. Failing to invalidate throws, so the event is
 * retried rather than leaving stale entries.
 */
@Injectable()
export class CatalogCacheConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly cache: CatalogCache,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'product-service.invalidate-catalog-cache',
      events: [
        ProductUpdatedV1,
        ProductArchivedV1,
        ProductDeletedV1,
        ProductPriceChangedV1,
        ProductVariantRemovedV1,
        ProductCategoryChangedV1,
      ],
      handle: async (ctx, event) => {
        if (!ctx.tenantId) return;
        if (event.type === ProductCategoryChangedV1.type) await this.cache.invalidateTenant(ctx.tenantId);
        else await this.cache.invalidateProducts(ctx.tenantId, [event.aggregateId]);
      },
    });
  }
}
