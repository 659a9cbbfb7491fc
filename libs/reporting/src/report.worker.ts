import { type Clock, isAppError, systemClock } from '@haat/common';
import type { Database, Tx } from '@haat/database';
import type { RequestContext, TenantContext } from '@haat/tenant';
import type { ReportDocument } from './document/report-document.model.js';
import { requireTenant } from './report-context.js';
import type { ComposedReport, ReportDefinitionRegistry } from './report-definition.registry.js';
import { type EmitReportEvent, reportEnvelope } from './report-event.envelope.js';
import { ReportFailedV1, ReportReadyV1 } from './report.events.js';
import { DEFAULT_REPORTS_BASE_PATH, reportFilePath } from './report.paths.js';
import { ReportRepository } from './report.repository.js';
import type { ReportRow } from './report.schema.js';
import { type PdfRenderer, ReportRenderError } from './render/pdf-render.pool.js';
import type { ReportStorage } from './storage/report.storage.js';

/** Anything with pino's `error(obj, msg)`. */
export interface ReportWorkerLogger {
  error(obj: object, msg?: string): void;
}

export interface ReportWorkerOptions {
  database: Database;
  registry: ReportDefinitionRegistry;
  storage: ReportStorage;
  /** Renders off the calling thread: a `PdfRenderPool`. */
  renderer: PdfRenderer;
  /** Writes `report.ready.v1` / `report.failed.v1` to the outbox in the finishing transaction. */
  emit: EmitReportEvent;
  clock?: Clock;
  /** Must match the `ReportService`'s; the download URL in `report.ready.v1` uses it. */
  basePath?: string;
  /** The tenant's display name for the PDF header (default: the tenant id). */
  tenantName?: (ctx: TenantContext) => Promise<string | undefined>;
  /** Receives unexpected errors, whose details stay out of the report's `error` (default `console`). */
  logger?: ReportWorkerLogger;
}

/** What one delivery did: rendered it, failed it, or found nothing to do (already final, or unknown). */
export interface ReportHandleResult {
  reportId: string;
  outcome: 'ready' | 'failed' | 'skipped';
  /** The worker thread that rendered the PDF, when one did. */
  threadId?: number;
  reason?: string;
}

const UNEXPECTED = 'The report could not be produced; please request it again';
/** `report.failed.v1` caps `reason` at this length. */
const MAX_REASON = 1_000;

function formatUtc(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The consumer side of reports: what a `report.requested.v1` consumer calls. It claims the report
 * (`rendering`), loads its data in the tenant's transaction, has a worker thread render the PDF,
 * stores it, and marks it `ready` with `report.ready.v1` in one transaction — or `failed` with
 * `report.failed.v1`. A delivery for a report that is already ready or failed changes nothing.
 */
export class ReportWorker {
  private readonly repo = new ReportRepository();
  private readonly clock: Clock;
  private readonly basePath: string;

  constructor(private readonly options: ReportWorkerOptions) {
    this.clock = options.clock ?? systemClock;
    this.basePath = options.basePath ?? DEFAULT_REPORTS_BASE_PATH;
  }

  /**
   * Produces the report `reportId` of `ctx`'s tenant. Throws only when the database or storage
   * cannot record the outcome; the consumer then retries, and the retry renders again.
   */
  async handle(ctx: RequestContext, reportId: string): Promise<ReportHandleResult> {
    const tenant = requireTenant(ctx);
    const { database } = this.options;
    const claimed = await database.withTenant(tenant.tenantId, (tx) =>
      this.repo.claimForRendering(tx, tenant.tenantId, reportId, this.clock.now()),
    );
    if (!claimed) return { reportId, outcome: 'skipped' };

    let threadId: number | undefined;
    try {
      // A repeatable-read snapshot: every query of `load` sees the same moment.
      const composed = await database.withTenant(
        tenant.tenantId,
        (tx) => this.options.registry.compose(tenant, claimed.kind, claimed.params, tx),
        { isolationLevel: 'repeatable read' },
      );
      const rendered = await this.options.renderer.render(await this.documentOf(tenant, claimed, composed));
      threadId = rendered.threadId;
      return await this.finish(tenant, reportId, async (tx, now) => {
        const filePath = await this.options.storage.put(
          { tenantId: tenant.tenantId, reportId },
          rendered.pdf,
        );
        const file = { filePath, bytes: rendered.bytes, sha256: rendered.sha256 };
        await this.repo.markReady(tx, tenant.tenantId, reportId, file, now);
        const url = reportFilePath(this.basePath, reportId);
        const payload = { reportId, kind: claimed.kind, url, bytes: file.bytes, sha256: file.sha256 };
        await this.options.emit(tx, reportEnvelope(tenant, ReportReadyV1, reportId, payload, now));
        return { reportId, outcome: 'ready', threadId };
      });
    } catch (err) {
      const reason = this.reasonOf(err, reportId);
      return this.finish(tenant, reportId, async (tx, now) => {
        await this.repo.markFailed(tx, tenant.tenantId, reportId, reason, now);
        await this.options.emit(
          tx,
          reportEnvelope(tenant, ReportFailedV1, reportId, { reportId, reason }, now),
        );
        return { reportId, outcome: 'failed', threadId, reason };
      });
    }
  }

  /**
   * Records an outcome while holding the report's row lock, and only if the report is still
   * rendering: of two deliveries racing on one report, the second finds it final and stops,
   * before it could overwrite the first one's file.
   */
  private finish(
    tenant: TenantContext,
    reportId: string,
    record: (tx: Tx, now: Date) => Promise<ReportHandleResult>,
  ): Promise<ReportHandleResult> {
    return this.options.database.withTenant(tenant.tenantId, async (tx) => {
      const row = await this.repo.lock(tx, tenant.tenantId, reportId);
      if (row?.status !== 'rendering') return { reportId, outcome: 'skipped' };
      return record(tx, this.clock.now());
    });
  }

  private async documentOf(
    tenant: TenantContext,
    row: ReportRow,
    composed: ComposedReport,
  ): Promise<ReportDocument> {
    const now = this.clock.now();
    const tenantName = (await this.options.tenantName?.(tenant)) ?? tenant.tenantId;
    return {
      title: composed.title,
      subject: row.kind,
      language: composed.language,
      createdAt: now.toISOString(),
      metadata: [
        { label: 'Tenant', value: tenantName },
        { label: 'Generated', value: formatUtc(now) },
      ],
      blocks: composed.blocks,
    };
  }

  private reasonOf(err: unknown, reportId: string): string {
    if (isAppError(err)) return err.message.slice(0, MAX_REASON);
    if (err instanceof ReportRenderError) return `Rendering failed: ${err.message}`.slice(0, MAX_REASON);
    (this.options.logger ?? console).error({ err, reportId }, 'report production failed unexpectedly');
    return UNEXPECTED;
  }
}
