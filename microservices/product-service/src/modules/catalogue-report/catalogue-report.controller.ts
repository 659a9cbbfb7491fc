import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import {
  type EmitReportEvent,
  REPORT_EVENT_EMITTER,
  type ReportAccepted,
  reportNotFound,
  ReportService,
  type ReportView,
  RequestReportBodySchema,
} from '@haat/reporting';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { scopeCovers, vendorForNewProduct, vendorScopeOf } from '../access/vendor-scope.js';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

/**
 * The catalogue PDF (`product.catalogue`) through the reporting pipeline: 202 + `Location`, a
 * worker thread renders it. Vendor people get their own vendor's catalogue only.
 */
@Controller('v1/products/reports')
export class CatalogueReportController {
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
    const scope = vendorScopeOf(ctx);
    const requested = typeof input.params.vendorId === 'string' ? input.params.vendorId : undefined;
    const params =
      scope.kind === 'tenant'
        ? input.params
        : { ...input.params, vendorId: vendorForNewProduct(scope, requested) };
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

  private visible(ctx: RequestContext, view: ReportView): ReportView {
    const scope = vendorScopeOf(ctx);
    const vendorId = typeof view.params.vendorId === 'string' ? view.params.vendorId : null;
    if (scope.kind !== 'tenant' && (vendorId === null || !scopeCovers(scope, vendorId)))
      throw reportNotFound(view.id);
    return view;
  }
}
