import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { type EmitReportEvent, REPORT_EVENT_EMITTER, ReportService } from '@haat/reporting';
import { Ctx, type RequestContext } from '@haat/tenant';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

/** PDF payment reports: request (202 + Location), status, file. Rendering is asynchronous. */
@Controller('v1/payments/reports')
export class PaymentReportsController {
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
  ) {
    const accepted = await this.reports.request(ctx, body, this.emit);
    reply.header('location', accepted.location);
    return accepted;
  }

  @Get(':id')
  @RequirePermissions('report:read')
  get(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return this.reports.get(ctx, id);
  }

  @Get(':id/file')
  @RequirePermissions('report:read')
  async file(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: HeaderReply,
  ) {
    const file = await this.reports.openFile(ctx, id);
    for (const [name, value] of Object.entries(file.headers)) reply.header(name, value);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.contentLength,
      disposition: file.headers['content-disposition'],
    });
  }
}
