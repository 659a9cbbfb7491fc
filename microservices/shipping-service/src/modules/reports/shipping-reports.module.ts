import { Inject, Injectable, Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Database } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import {
  type EmitReportEvent,
  LocalDiskReportStorage,
  PdfRenderPool,
  REPORT_EVENT_EMITTER,
  ReportDefinitionRegistry,
  ReportRequestedV1,
  ReportService,
  ReportWorker,
} from '@haat/reporting';
import { DATABASE, EventConsumers, SERVICE_CONFIG } from '@haat/service';
import type { ShippingServiceConfig } from '../../config/shipping-service.config.js';
import { shippingSummaryReport } from './shipping-report.definition.js';
import { ShippingReportsController } from './shipping-reports.controller.js';

export const SHIPPING_REPORTS_PATH = '/v1/shipping/reports';
const registry = new ReportDefinitionRegistry().register(shippingSummaryReport);
const emit: EmitReportEvent = (tx, envelope) => addToOutbox(tx, envelope);

/** Renders requested shipping reports on worker threads when `report.requested.v1` arrives. */
@Injectable()
class ShippingReportRenderer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ShippingReportRenderer');
  private readonly renderer: PdfRenderPool;
  private readonly worker: ReportWorker;

  constructor(
    private readonly consumers: EventConsumers,
    @Inject(DATABASE) database: Database,
    @Inject(SERVICE_CONFIG) config: ShippingServiceConfig,
  ) {
    this.renderer = new PdfRenderPool({
      threads: config.RENDER_THREADS,
      ...(config.REPORT_FONT ? { fonts: { regular: config.REPORT_FONT } } : {}),
    });
    this.worker = new ReportWorker({
      database,
      registry,
      storage: new LocalDiskReportStorage(config.REPORTS_DIR),
      renderer: this.renderer,
      emit,
      basePath: SHIPPING_REPORTS_PATH,
      logger: { error: (obj, msg) => this.logger.error(obj, msg) },
    });
  }

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'shipping-service.render-report',
      events: [ReportRequestedV1],
      // Other services' reports share the event type; the worker skips reports it does not hold.
      handle: async (ctx, event) => {
        if (!event.payload.kind.startsWith('shipping.')) return;
        await this.worker.handle(ctx, event.payload.reportId);
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.renderer.close();
  }
}

@Module({
  controllers: [ShippingReportsController],
  providers: [
    {
      provide: ReportService,
      inject: [DATABASE, SERVICE_CONFIG],
      useFactory: (database: Database, config: ShippingServiceConfig) =>
        new ReportService({
          database,
          registry,
          storage: new LocalDiskReportStorage(config.REPORTS_DIR),
          basePath: SHIPPING_REPORTS_PATH,
        }),
    },
    { provide: REPORT_EVENT_EMITTER, useValue: emit },
    ShippingReportRenderer,
  ],
})
export class ShippingReportsModule {}
