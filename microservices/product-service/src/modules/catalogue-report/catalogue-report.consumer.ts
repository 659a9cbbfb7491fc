import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ReportRequestedV1, ReportWorker } from '@haat/reporting';
import { EventConsumers } from '@haat/service';

/** Renders `product.*` reports when `report.requested.v1` arrives; other services' kinds pass by. */
@Injectable()
export class CatalogueReportConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly worker: ReportWorker,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'product-service.render-report',
      events: [ReportRequestedV1],
      // Rendering runs in its own transactions; the render timeout (60 s) bounds this handler.
      handle: async (ctx, event) => {
        if (!event.payload.kind.startsWith('product.')) return;
        await this.worker.handle(ctx, event.payload.reportId);
      },
    });
  }
}
