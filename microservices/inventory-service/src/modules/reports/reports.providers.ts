import { Inject, Injectable, Logger, type OnModuleDestroy, type Provider } from '@nestjs/common';
import type { Database, Tx } from '@haat/database';
import type { EventEnvelope } from '@haat/contracts';
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
import type { InventoryServiceConfig } from '../../config/inventory-service.config.js';
import { StockReportDefinition } from './stock-report.definition.js';

/** Where the stock report is served: under the service's own `/v1/stock` prefix at the gateway. */
export const STOCK_REPORTS_PATH = '/v1/stock/reports';

/** Report events go to this service's outbox, in the report's own transaction. */
const emit: EmitReportEvent = (tx: Tx, envelope: EventEnvelope) => addToOutbox(tx, envelope);

/** The worker threads that lay PDFs out; stopped with the app. */
@Injectable()
export class ReportRenderer implements OnModuleDestroy {
  readonly pool: PdfRenderPool;

  constructor(@Inject(SERVICE_CONFIG) config: InventoryServiceConfig) {
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
    inject: [StockReportDefinition],
    useFactory: (stock: StockReportDefinition) => new ReportDefinitionRegistry().register(stock.definition),
  },
  {
    provide: LocalDiskReportStorage,
    inject: [SERVICE_CONFIG],
    useFactory: (config: InventoryServiceConfig) => new LocalDiskReportStorage(config.REPORTS_DIR),
  },
  {
    provide: ReportService,
    inject: [DATABASE, ReportDefinitionRegistry, LocalDiskReportStorage],
    useFactory: (database: Database, registry: ReportDefinitionRegistry, storage: LocalDiskReportStorage) =>
      new ReportService({ database, registry, storage, basePath: STOCK_REPORTS_PATH }),
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
        basePath: STOCK_REPORTS_PATH,
        logger: { error: (obj, msg) => logger.error(obj, msg) },
      }),
  },
];
