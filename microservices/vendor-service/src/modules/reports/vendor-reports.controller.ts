import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { isAppError, parseOrThrow } from '@haat/common';
import type { Database } from '@haat/database';
import {
  type EmitReportEvent,
  REPORT_EVENT_EMITTER,
  type ReportAccepted,
  reportNotFound,
  ReportService,
  type ReportView,
  RequestReportBodySchema,
} from '@haat/reporting';
import { DATABASE } from '@haat/service';
import { Ctx, type RequestContext, type TenantContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { vendorScopeOf } from '../../infrastructure/auth/vendor-scope.js';
import { VendorLifecycle } from '../vendors/vendor-lifecycle.service.js';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

/**
 * The PDF vendor report (`vendor.profile`) through the reporting pipeline: `POST` answers 202
 * with `Location`; a worker renders the PDF off the request thread. Anyone may report only on
 * a vendor they can read; a vendor's people on their own (named, or implied when they have one).
 */
@Controller('v1/vendors/reports')
export class VendorReportsController {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly reports: ReportService,
    private readonly lifecycle: VendorLifecycle,
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
    const tenant = tenantContext(ctx);
    const input = parseOrThrow(RequestReportBodySchema, body);
    const scope = vendorScopeOf(ctx);
    const requested = input.params.vendorId;
    const implied = scope.kind === 'vendor' && scope.vendorIds.length === 1 ? scope.vendorIds[0] : undefined;
    const vendorId = typeof requested === 'string' ? requested : implied;
    if (typeof vendorId === 'string' && /^[0-9a-f-]{36}$/i.test(vendorId))
      await this.assertReadable(tenant, vendorId);
    const params = vendorId === undefined ? input.params : { ...input.params, vendorId };
    const accepted = await this.reports.request(tenant, { kind: input.kind, params }, this.emit);
    reply.header('location', accepted.location);
    return accepted;
  }

  @Get(':id')
  @RequirePermissions('report:read')
  async get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ReportView> {
    return this.visible(tenantContext(ctx), await this.reports.get(tenantContext(ctx), id));
  }

  @Get(':id/file')
  @RequirePermissions('report:read')
  async file(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<StreamableFile> {
    await this.visible(tenantContext(ctx), await this.reports.get(tenantContext(ctx), id));
    const file = await this.reports.openFile(tenantContext(ctx), id);
    for (const [name, value] of Object.entries(file.headers)) reply.header(name, value);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.contentLength,
      disposition: file.headers['content-disposition'],
    });
  }

  private async assertReadable(ctx: TenantContext, vendorId: string): Promise<void> {
    await this.database.withTenant(ctx.tenantId, (tx) =>
      this.lifecycle.read(ctx, tx, vendorId, 'vendor:read'),
    );
  }

  /** A report about a vendor the caller cannot read does not exist for them. */
  private async visible(ctx: TenantContext, view: ReportView): Promise<ReportView> {
    const vendorId = view.params.vendorId;
    if (typeof vendorId !== 'string') throw reportNotFound(view.id);
    try {
      await this.assertReadable(ctx, vendorId);
    } catch (err) {
      if (isAppError(err)) throw reportNotFound(view.id);
      throw err;
    }
    return view;
  }
}
