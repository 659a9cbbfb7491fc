import { Inject, Injectable, Logger, type OnModuleDestroy, type Provider } from '@nestjs/common';
import type { EventEnvelope } from '@haat/contracts';
import type { Database, Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import {
  type EmitReportEvent,
  LocalDiskReportStorage,
  PdfRenderPool,
  REPORT_EVENT_EMITTER,
  ReportDefinitionRegistry,
  ReportService,
  ReportWorker,
} from '@haat/reporting';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { VendorServiceConfig } from '../../config/vendor-service.config.js';
import { VendorReportDefinition } from './vendor-report.definition.js';

/** Where this service serves its reports: under `/v1/vendors`, beside the gateway's vendor prefix. */
export const VENDOR_REPORTS_PATH = '/v1/vendors/reports';

/** Report events go to this service's outbox, in the report's own transaction. */
const emit: EmitReportEvent = (tx: Tx, envelope: EventEnvelope) => addToOutbox(tx, envelope);

/** The worker threads that lay PDFs out; stopped with the app. */
@Injectable()
export class ReportRenderer implements OnModuleDestroy {
  readonly pool: PdfRenderPool;

  constructor(@Inject(SERVICE_CONFIG) config: VendorServiceConfig) {
    this.pool = new PdfRenderPool({
      threads: config.REPORT_RENDER_THREADS,
      fonts: config.REPORT_FONT ? { regular: config.REPORT_FONT } : undefined,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.close();
  }
}

const logger = new Logger('ReportWorker');

/** `@haat/reporting` wired to this service's database, outbox, storage and report kinds. */
export const reportProviders: Provider[] = [
  ReportRenderer,
  { provide: REPORT_EVENT_EMITTER, useValue: emit },
  {
    provide: ReportDefinitionRegistry,
    inject: [VendorReportDefinition],
    useFactory: (report: VendorReportDefinition) =>
      new ReportDefinitionRegistry().register(report.definition),
  },
  {
    provide: LocalDiskReportStorage,
    inject: [SERVICE_CONFIG],
    useFactory: (config: VendorServiceConfig) => new LocalDiskReportStorage(config.REPORTS_DIR),
  },
  {
    provide: ReportService,
    inject: [DATABASE, ReportDefinitionRegistry, LocalDiskReportStorage],
    useFactory: (database: Database, registry: ReportDefinitionRegistry, storage: LocalDiskReportStorage) =>
      new ReportService({ database, registry, storage, basePath: VENDOR_REPORTS_PATH }),
  },
  {
    provide: ReportWorker,
    inject: [DATABASE, ReportDefinitionRegistry, LocalDiskReportStorage, ReportRenderer],
    useFactory: (
      database: Database,
      registry: ReportDefinitionRegistry,
      storage: LocalDiskReportStorage,
      renderer: ReportRenderer,
    ) =>
      new ReportWorker({
        database,
        registry,
        storage,
        renderer: renderer.pool,
        emit,
        basePath: VENDOR_REPORTS_PATH,
        logger: { error: (obj, msg) => logger.error(obj, msg) },
      }),
  },
];
