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
import type { ProductServiceConfig } from '../../config/product-service.config.js';
import { CatalogueReportDefinition } from './catalogue-report.definition.js';

/** Where this service serves its reports (other services own `/v1/reports`). */
export const CATALOGUE_REPORTS_PATH = '/v1/products/reports';

const emit: EmitReportEvent = (tx: Tx, envelope: EventEnvelope) => addToOutbox(tx, envelope);
const logger = new Logger('CatalogueReportWorker');

/** The worker thread that lays PDFs out; stopped with the app. */
@Injectable()
export class CatalogueReportRenderer implements OnModuleDestroy {
  readonly pool: PdfRenderPool;

  constructor(@Inject(SERVICE_CONFIG) config: ProductServiceConfig) {
    this.pool = new PdfRenderPool({
      fonts: config.REPORT_FONT_PATH ? { regular: config.REPORT_FONT_PATH } : undefined,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.close();
  }
}

/** `@haat/reporting` wired to this service's database, outbox, storage and report kind. */
export const catalogueReportProviders: Provider[] = [
  CatalogueReportRenderer,
  { provide: REPORT_EVENT_EMITTER, useValue: emit },
  {
    provide: ReportDefinitionRegistry,
    inject: [CatalogueReportDefinition],
    useFactory: (d: CatalogueReportDefinition) => new ReportDefinitionRegistry().register(d.definition),
  },
  {
    provide: LocalDiskReportStorage,
    inject: [SERVICE_CONFIG],
    useFactory: (config: ProductServiceConfig) => new LocalDiskReportStorage(config.REPORTS_DIR),
  },
  {
    provide: ReportService,
    inject: [DATABASE, ReportDefinitionRegistry, LocalDiskReportStorage],
    useFactory: (database: Database, registry: ReportDefinitionRegistry, storage: LocalDiskReportStorage) =>
      new ReportService({ database, registry, storage, basePath: CATALOGUE_REPORTS_PATH }),
  },
  {
    provide: ReportWorker,
    inject: [DATABASE, ReportDefinitionRegistry, LocalDiskReportStorage, CatalogueReportRenderer],
    useFactory: (
      database: Database,
      registry: ReportDefinitionRegistry,
      storage: LocalDiskReportStorage,
      renderer: CatalogueReportRenderer,
    ) =>
      new ReportWorker({
        database,
        registry,
        storage,
        renderer: renderer.pool,
        emit,
        basePath: CATALOGUE_REPORTS_PATH,
        logger: { error: (obj, msg) => logger.error(obj, msg) },
      }),
  },
];
