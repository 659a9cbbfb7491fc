import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MediaAssetDeletedV1, MediaAssetReadyV1 } from '@haat/contracts';
import { EventConsumers } from '@haat/service';
import { MediaRefsRepository } from './media-refs.repository.js';

/** Keeps `media_refs` in step with media-service: ready assets in, deleted ones out. */
@Injectable()
export class MediaRefsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly repo: MediaRefsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'product-service.record-media',
      events: [MediaAssetReadyV1, MediaAssetDeletedV1],
      handle: async (ctx, event, tx) => {
        if (!ctx.tenantId) return;
        if (event.type === MediaAssetDeletedV1.type) {
          await this.repo.remove(tx, event.payload.assetId);
          return;
        }
        const p = MediaAssetReadyV1.schema.parse(event.payload);
        const jpegs = p.renditions.filter((r) => r.contentType === 'image/jpeg');
        const fallback =
          jpegs.sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0] ?? p.renditions[0] ?? p.poster;
        if (!fallback) return;
        await this.repo.upsert(tx, {
          tenantId: ctx.tenantId,
          assetId: p.assetId,
          kind: p.kind,
          url: fallback.url,
          width: p.width,
          height: p.height,
          renditions: p.renditions.map((r) => ({ url: r.url, contentType: r.contentType, width: r.width })),
        });
      },
    });
  }
}
