import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import {
  type EmitReportEvent,
  REPORT_EVENT_EMITTER,
  type ReportAccepted,
  ReportService,
  type ReportView,
  RequestReportBodySchema,
  reportNotFound,
} from '@haat/reporting';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { reachesVendor, vendorScopeOf } from '../../infrastructure/auth/vendor-scope.js';
import { vendorForbidden } from '../warehouses/warehouses.errors.js';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

/**
 * The stock report (`inventory.stock`) through the reporting pipeline at `/v1/stock/reports`: `POST` answers 202 with
 * `Location`, a worker renders the PDF off the request thread. A vendor's people get reports of
 * their own vendor only.
 */
@Controller('v1/stock/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportService,
    @Inject(REPORT_EVENT_EMITTER) private readonly emit: EmitReportEvent,
  ) {}

  @Post()
  @HttpCode(202)
  @RequirePermissions('report:create')
  async request(
    @Ctx() ctx: RequestContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<ReportAccepted> {
    const input = parseOrThrow(RequestReportBodySchema, body);
    const params = { ...input.params, ...this.vendorParam(ctx, input.params.vendorId) };
    const accepted = await this.reports.request(tenantContext(ctx), { kind: input.kind, params }, this.emit);
    reply.header('location', accepted.location);
    return accepted;
  }

  @Get(':id')
  @RequirePermissions('report:read')
  async get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ReportView> {
    return this.visible(ctx, await this.reports.get(tenantContext(ctx), id));
  }

  @Get(':id/file')
  @RequirePermissions('report:read')
  async file(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<StreamableFile> {
    this.visible(ctx, await this.reports.get(tenantContext(ctx), id));
    const file = await this.reports.openFile(tenantContext(ctx), id);
    for (const [name, value] of Object.entries(file.headers)) reply.header(name, value);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.contentLength,
      disposition: file.headers['content-disposition'],
    });
  }

  /** A vendor's people report on their own vendor: named, or implied when they have one. */
  private vendorParam(ctx: RequestContext, requested: unknown): { vendorId?: unknown } {
    const scope = vendorScopeOf(ctx);
    if (scope.kind === 'marketplace') return requested === undefined ? {} : { vendorId: requested };
    const vendorId =
      typeof requested === 'string'
        ? requested
        : scope.vendorIds.length === 1
          ? scope.vendorIds[0]
          : undefined;
    if (typeof vendorId !== 'string' || !reachesVendor(scope, vendorId)) {
      throw vendorForbidden(typeof vendorId === 'string' ? vendorId : null);
    }
    return { vendorId };
  }

  private visible(ctx: RequestContext, view: ReportView): ReportView {
    const vendorId = typeof view.params.vendorId === 'string' ? view.params.vendorId : null;
    if (!reachesVendor(vendorScopeOf(ctx), vendorId)) throw reportNotFound(view.id);
    return view;
  }
}
