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
import type { PaymentServiceConfig } from '../../config/payment-service.config.js';
import { paymentSummaryReport } from './payment-report.definition.js';
import { PaymentReportsController } from './payment-reports.controller.js';

const BASE_PATH = '/v1/payments/reports';
const registry = new ReportDefinitionRegistry().register(paymentSummaryReport);
const emit: EmitReportEvent = (tx, envelope) => addToOutbox(tx, envelope);

/** Renders requested reports off the request thread (worker threads), one delivery at a time. */
@Injectable()
class PaymentReportRenderer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PaymentReportRenderer');
  private readonly renderer: PdfRenderPool;
  private readonly worker: ReportWorker;

  constructor(
    private readonly consumers: EventConsumers,
    @Inject(DATABASE) database: Database,
    @Inject(SERVICE_CONFIG) config: PaymentServiceConfig,
  ) {
    this.renderer = new PdfRenderPool(config.REPORT_FONT ? { fonts: { regular: config.REPORT_FONT } } : {});
    this.worker = new ReportWorker({
      database,
      registry,
      storage: new LocalDiskReportStorage(config.REPORTS_DIR),
      renderer: this.renderer,
      emit,
      basePath: BASE_PATH,
      logger: { error: (obj, msg) => this.logger.error(obj, msg) },
    });
  }

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'payment-service.render-report',
      events: [ReportRequestedV1],
      // Reports of other services share the event type; the worker skips ids it does not hold.
      handle: async (ctx, event) => {
        await this.worker.handle(ctx, event.payload.reportId);
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.renderer.close();
  }
}

@Module({
  controllers: [PaymentReportsController],
  providers: [
    {
      provide: ReportService,
      inject: [DATABASE, SERVICE_CONFIG],
      useFactory: (database: Database, config: PaymentServiceConfig) =>
        new ReportService({
          database,
          registry,
          storage: new LocalDiskReportStorage(config.REPORTS_DIR),
          basePath: BASE_PATH,
        }),
    },
    { provide: REPORT_EVENT_EMITTER, useValue: emit },
    PaymentReportRenderer,
  ],
})
export class PaymentReportsModule {}
