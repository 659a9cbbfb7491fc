import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MediaAssetUploadedV1 } from '@haat/contracts';
import { EventConsumers } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { AssetProcessor } from './asset.processor.js';

/** Processes uploads in the background: `media.asset-uploaded.v1` → renditions → ready. */
@Injectable()
export class AssetProcessingConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly processor: AssetProcessor,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'media-service.process-asset',
      events: [MediaAssetUploadedV1],
      handle: async (ctx, event, tx) => {
        if (!ctx.tenantId) return;
        await this.processor.process(ctx as TenantContext, event.payload.assetId, tx);
      },
    });
  }
}
