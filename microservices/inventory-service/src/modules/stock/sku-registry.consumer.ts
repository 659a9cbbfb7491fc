import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InventorySkuSchema, ProductCreatedV1, ProductUpdatedV1 } from '@haat/contracts';
import { EventConsumers } from '@haat/service';
import { SkuRepository } from './sku.repository.js';

/**
 * Keeps the SKU registry in step with the catalog: each variant's SKU is known with its vendor,
 * product and variant before any unit arrives, so a receipt into another vendor's warehouse is
 * refused. A SKU first seen in a receipt gets its product and variant ids here later.
 */
@Injectable()
export class SkuRegistryConsumer implements OnModuleInit {
  private readonly logger = new Logger('SkuRegistryConsumer');

  constructor(
    private readonly consumers: EventConsumers,
    private readonly skus: SkuRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'inventory-service.register-skus',
      events: [ProductCreatedV1, ProductUpdatedV1],
      handle: async (ctx, event, tx) => {
        if (!ctx.tenantId) return;
        const { productId, vendorId } = event.payload;
        const entries = event.payload.variants.flatMap((v) => {
          if (InventorySkuSchema.safeParse(v.sku).success)
            return [{ sku: v.sku, productId, variantId: v.variantId, vendorId }];
          this.logger.warn({ sku: v.sku, productId }, 'catalog SKU not usable as an inventory SKU; skipped');
          return [];
        });
        const conflicts = await this.skus.register(tx, ctx.tenantId, entries);
        for (const c of conflicts) {
          this.logger.warn(c, 'SKU is stocked for another vendor than the catalog says; kept as stocked');
        }
      },
    });
  }
}
