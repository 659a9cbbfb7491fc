import type { Readable } from 'node:stream';
import { z } from 'zod';
import { type Clock, IdSchema, newId, parseOrThrow, systemClock } from '@haat/common';
import type { Database } from '@haat/database';
import type { RequestContext } from '@haat/tenant';
import { requireTenant } from './report-context.js';
import type { ReportDefinitionRegistry } from './report-definition.registry.js';
import { type EmitReportEvent, reportEnvelope } from './report-event.envelope.js';
import { type ReportAccepted, type ReportView, RequestReportBodySchema } from './report.dto.js';
import { reportFileMissing, reportNotFound, reportNotReady } from './report.errors.js';
import { ReportRequestedV1 } from './report.events.js';
import { DEFAULT_REPORTS_BASE_PATH, reportFilePath, reportStatusPath } from './report.paths.js';
import { ReportRepository } from './report.repository.js';
import type { ReportRow } from './report.schema.js';
import type { ReportStorage } from './storage/report.storage.js';

export interface ReportServiceOptions {
  database: Database;
  registry: ReportDefinitionRegistry;
  storage: ReportStorage;
  clock?: Clock;
  /** Path the service serves reports under (default `/v1/reports`); URLs in answers and events use it. */
  basePath?: string;
}

/** A stored report PDF, ready to stream to the client with these headers. */
export interface ReportFile {
  stream: Readable;
  contentType: 'application/pdf';
  contentLength: number;
  fileName: string;
  sha256: string;
  /** `content-type`, `content-length`, `content-disposition`, `etag`, `cache-control`. */
  headers: Record<string, string>;
}

const IdParamsSchema = z.object({ id: IdSchema });

/**
 * The request side of reports: accepts a request (row + `report.requested.v1` in one
 * transaction; the rendering happens later, in `ReportWorker`), answers status, serves the file.
 */
export class ReportService {
  private readonly repo = new ReportRepository();
  private readonly clock: Clock;
  private readonly basePath: string;

  constructor(private readonly options: ReportServiceOptions) {
    this.clock = options.clock ?? systemClock;
    this.basePath = options.basePath ?? DEFAULT_REPORTS_BASE_PATH;
  }

  /**
   * Validates `body` (`{ kind, params }`: 400 naming `kind` or `params.<field>`), stores the
   * report as `requested` and writes `report.requested.v1` through `emit` in the same
   * transaction. Answer with 202 and `Location: <location>`.
   */
  async request(ctx: RequestContext, body: unknown, emit: EmitReportEvent): Promise<ReportAccepted> {
    const tenant = requireTenant(ctx);
    const input = parseOrThrow(RequestReportBodySchema, body);
    const params = this.options.registry.validate(input.kind, input.params);
    const id = newId();
    const now = this.clock.now();
    await this.options.database.withTenant(tenant.tenantId, async (tx) => {
      await this.repo.insert(tx, {
        id,
        tenantId: tenant.tenantId,
        kind: input.kind,
        params,
        status: 'requested',
        requestedBy: tenant.userId,
        createdAt: now,
        updatedAt: now,
      });
      await emit(
        tx,
        reportEnvelope(
          tenant,
          ReportRequestedV1,
          id,
          { reportId: id, tenantId: tenant.tenantId, kind: input.kind, params, requestedBy: tenant.userId },
          now,
        ),
      );
    });
    return { id, status: 'requested', location: reportStatusPath(this.basePath, id) };
  }

  /** The report's status, and its download URL once ready; 404 `REPORT_NOT_FOUND` for another tenant's. */
  async get(ctx: RequestContext, id: string): Promise<ReportView> {
    return this.toView(await this.load(ctx, id));
  }

  /** The PDF as a stream; 404 `REPORT_NOT_FOUND`, 409 `REPORT_NOT_READY` while it is not ready. */
  async openFile(ctx: RequestContext, id: string): Promise<ReportFile> {
    const row = await this.load(ctx, id);
    if (row.status !== 'ready' || !row.filePath || row.bytes === null || !row.sha256) {
      throw reportNotReady(row.id, row.status);
    }
    const stream = await this.options.storage.open(row.filePath);
    if (!stream) throw reportFileMissing(row.id);
    const fileName = `${row.kind}-${row.id}.pdf`;
    return {
      stream,
      contentType: 'application/pdf',
      contentLength: row.bytes,
      fileName,
      sha256: row.sha256,
      headers: {
        'content-type': 'application/pdf',
        'content-length': String(row.bytes),
        'content-disposition': `attachment; filename="${fileName}"`,
        etag: `"${row.sha256}"`,
        'cache-control': 'private, max-age=300',
      },
    };
  }

  private async load(ctx: RequestContext, rawId: string): Promise<ReportRow> {
    const tenant = requireTenant(ctx);
    const { id } = parseOrThrow(IdParamsSchema, { id: rawId }, 'params');
    const row = await this.options.database.withTenant(tenant.tenantId, (tx) =>
      this.repo.find(tx, tenant.tenantId, id),
    );
    if (!row) throw reportNotFound(id);
    return row;
  }

  private toView(row: ReportRow): ReportView {
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      params: row.params,
      requestedBy: row.requestedBy,
      error: row.error,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      completedAt: row.completedAt?.toISOString() ?? null,
      file:
        row.status === 'ready' && row.bytes !== null && row.sha256 !== null
          ? {
              url: reportFilePath(this.basePath, row.id),
              contentType: 'application/pdf',
              bytes: row.bytes,
              sha256: row.sha256,
            }
          : null,
    };
  }
}
