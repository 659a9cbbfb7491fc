import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ReportRequestedV1, ReportWorker } from '@haat/reporting';
import { EventConsumers } from '@haat/service';

/**
 * Renders this service's reports when `report.requested.v1` arrives. Other services request
 * their own reports on the same event type; only `inventory.*` kinds are ours.
 */
@Injectable()
export class ReportRenderConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly worker: ReportWorker,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'inventory-service.render-report',
      events: [ReportRequestedV1],
      // Rendering runs in its own transactions; the render timeout (60 s) bounds this handler.
      handle: async (ctx, event) => {
        if (!event.payload.kind.startsWith('inventory.')) return;
        await this.worker.handle(ctx, event.payload.reportId);
      },
    });
  }
}
