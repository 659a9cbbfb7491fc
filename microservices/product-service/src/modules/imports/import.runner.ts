import { createReadStream } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { isAppError, isUuid } from '@haat/common';
import { type Database, pgError, PG_ERROR } from '@haat/database';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import type { ProductServiceConfig } from '../../config/product-service.config.js';
import { CatalogCache } from '../../infrastructure/cache/catalog.cache.js';
import { vendorScopeOf } from '../access/vendor-scope.js';
import { ImportBatchApplier, type RowOutcome } from './import-batch.applier.js';
import { ImportBatchWriter } from './import-batch.writer.js';
import { missingColumns } from './import-columns.js';
import { type ParsedRow, parseImportRow, type RowError } from './import-row.parser.js';
import { readCsvRecords } from './csv-record.reader.js';
import { IMPORT_ERRORS } from './imports.errors.js';
import { ImportsRepository } from './imports.repository.js';
import type { ImportRow } from './imports.schema.js';
import { importFilePath } from './import-files.js';

/** Errors kept per import; past this only the count grows. */
const MAX_STORED_ERRORS = 10_000;
const BATCH_ATTEMPTS = 3;

class FileRefused extends Error {}
/** The service is shutting down: the job stays `running` and resumes after the restart. */
class Interrupted extends Error {}

/**
 * Runs CSV imports in the background, one batch per transaction, streaming the file from disk:
 * memory stays bounded by the batch size whatever the file's. Good rows land while bad ones are
 * recorded by line and column; progress is stored after every batch.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('ImportRunner');
  private readonly active = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) private readonly config: ProductServiceConfig,
    private readonly repo: ImportsRepository,
    private readonly applier: ImportBatchApplier,
    private readonly writer: ImportBatchWriter,
    private readonly cache: CatalogCache,
  ) {}

  /** Starts the job unless it already runs in this process. */
  start(tenantId: string, importId: string): void {
    if (this.active.has(importId)) return;
    const run = this.run(tenantId, importId)
      .catch((err: unknown) => this.logger.error({ err, importId }, 'import job crashed'))
      .finally(() => this.active.delete(importId));
    this.active.set(importId, run);
  }

  /** Restarts the jobs whose files wait in this process's import folder (after a restart). */
  async resumeWaiting(): Promise<void> {
    const dir = this.config.PRODUCT_IMPORT_DIR;
    const tenants = await readdir(dir).catch(() => [] as string[]);
    for (const tenantId of tenants.filter(isUuid)) {
      const files = await readdir(join(dir, tenantId)).catch(() => [] as string[]);
      for (const f of files) {
        const importId = f.replace(/\.csv$/, '');
        if (f.endsWith('.csv') && isUuid(importId)) this.start(tenantId, importId);
      }
    }
  }

  /** Stops every job after its current batch (shutdown); they resume on the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.active.values()]);
  }

  private async run(tenantId: string, importId: string): Promise<void> {
    // A job found `running` was cut off by a restart: it starts over (re-applying rows is a no-op).
    const job = await this.database.withTenant(tenantId, async (tx) => {
      const claimed = await this.repo.transition(tx, importId, ['queued', 'running'], 'running', {
        startedAt: new Date(),
        error: null,
        bytesRead: 0,
        rowsProcessed: 0,
        rowsCreated: 0,
        rowsUpdated: 0,
        rowsUnchanged: 0,
        rowsFailed: 0,
      });
      if (claimed) await this.repo.clearErrors(tx, importId);
      return claimed;
    });
    if (!job) return;
    const ctx: TenantContext = {
      tenantId,
      userId: job.requestedBy,
      roles: job.roles,
      permissions: job.permissions,
      requestId: `import-${importId}`,
    };
    const path = importFilePath(this.config.PRODUCT_IMPORT_DIR, tenantId, importId);
    try {
      await this.process(ctx, job, path);
      await this.database.withTenant(tenantId, (tx) =>
        this.repo.transition(tx, importId, ['running'], 'completed', { finishedAt: new Date() }),
      );
    } catch (err) {
      if (err instanceof Interrupted) return;
      const reason =
        err instanceof FileRefused || isAppError(err)
          ? (err as Error).message
          : 'The import stopped unexpectedly';
      if (!(err instanceof FileRefused)) this.logger.error({ err, importId }, 'import failed');
      await this.database.withTenant(tenantId, (tx) =>
        this.repo.transition(tx, importId, ['running'], 'failed', { finishedAt: new Date(), error: reason }),
      );
    }
    await rm(path, { force: true });
  }

  private async process(ctx: TenantContext, job: ImportRow, path: string): Promise<void> {
    const scope = vendorScopeOf(ctx);
    const file = createReadStream(path);
    let bytesRead = 0;
    file.on('data', (chunk) => (bytesRead += chunk.length));
    let headerProblem: string | undefined;
    let stored = 0;
    let rows: ParsedRow[] = [];
    let errors: RowError[] = [];
    let seen = 0;

    const flush = async () => {
      const { outcomes, batchErrors } = await this.applyBatch(ctx, scope, rows);
      const allErrors = [...errors, ...batchErrors].sort((a, b) => a.line - b.line);
      const keep = allErrors.slice(0, Math.max(0, MAX_STORED_ERRORS - stored));
      const tally = (o: RowOutcome) => outcomes.filter((x) => x === o).length;
      await this.database.withTenant(ctx.tenantId, async (tx) => {
        await this.repo.addErrors(tx, ctx.tenantId, job.id, stored, keep);
        await this.repo.addProgress(tx, job.id, {
          bytesRead,
          processed: seen,
          created: tally('created'),
          updated: tally('updated'),
          unchanged: tally('unchanged'),
          failed: allErrors.reduce((lines, e) => lines.add(e.line), new Set<number>()).size,
        });
      });
      stored += keep.length;
      rows = [];
      errors = [];
      seen = 0;
    };

    for await (const item of readCsvRecords(file, (headers) => {
      const missing = missingColumns(headers);
      if (missing.length > 0) headerProblem = `The file lacks the columns: ${missing.join(', ')}`;
    })) {
      if (headerProblem) throw new FileRefused(headerProblem);
      seen += 1;
      if (item.kind === 'malformed') {
        errors.push({
          line: item.line,
          column: null,
          code: IMPORT_ERRORS.malformedRecord,
          message: item.message,
          sku: null,
        });
      } else {
        const parsed = parseImportRow(item.cells, item.line);
        if ('row' in parsed) rows.push(parsed.row);
        else errors.push(...parsed.errors);
      }
      if (seen >= this.config.PRODUCT_IMPORT_BATCH_SIZE) {
        await flush();
        if (this.stopping) {
          file.destroy();
          throw new Interrupted();
        }
      }
    }
    if (headerProblem) throw new FileRefused(headerProblem);
    if (seen > 0) await flush();
  }

  /** One batch in one transaction, retried when a concurrent write got in the way. */
  private async applyBatch(
    ctx: TenantContext,
    scope: ReturnType<typeof vendorScopeOf>,
    rows: readonly ParsedRow[],
  ): Promise<{ outcomes: RowOutcome[]; batchErrors: RowError[] }> {
    if (rows.length === 0) return { outcomes: [], batchErrors: [] };
    for (let attempt = 1; ; attempt++) {
      try {
        const { result, changed } = await this.database.withTenant(ctx.tenantId, async (tx) => {
          const applied = await this.applier.apply(ctx, scope, tx, rows);
          return { result: applied, changed: await this.writer.write(ctx, tx, applied.set) };
        });
        await this.cache.invalidateProducts(ctx.tenantId, changed).catch(() => undefined);
        return { outcomes: result.outcomes, batchErrors: result.errors };
      } catch (err) {
        const code = pgError(err)?.code;
        const retryable =
          code === PG_ERROR.uniqueViolation ||
          code === PG_ERROR.serializationFailure ||
          code === PG_ERROR.deadlockDetected;
        if (retryable && attempt < BATCH_ATTEMPTS) continue;
        if (!retryable && !isAppError(err)) throw err;
        this.logger.warn({ err, attempt }, 'an import batch could not be stored');
        const message = isAppError(err)
          ? err.message
          : 'These rows conflicted with concurrent changes; import them again';
        const code2 = isAppError(err) ? err.code : IMPORT_ERRORS.batchFailed;
        return {
          outcomes: [],
          batchErrors: rows.map((r) => ({ line: r.line, column: null, code: code2, message, sku: r.sku })),
        };
      }
    }
  }
}
