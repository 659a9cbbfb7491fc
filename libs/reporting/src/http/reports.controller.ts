import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import type { EmitReportEvent } from '../report-event.envelope.js';
import type { ReportAccepted, ReportView } from '../report.dto.js';
import { ReportService } from '../report.service.js';

/** Nest token of the `EmitReportEvent` the controller passes to `ReportService.request`. */
export const REPORT_EVENT_EMITTER = Symbol.for('haat.reporting.emit');

/** The part of a Fastify (or Express) reply the controller uses. */
interface HeaderReply {
  header(name: string, value: string): unknown;
}

/**
 * `POST /v1/reports` → 202 + `Location`, `GET /v1/reports/:id`, `GET /v1/reports/:id/file`.
 * Mount it in a module that provides `ReportService` and `REPORT_EVENT_EMITTER`, behind the
 * service's internal-auth guard (it reads the verified context with `@Ctx()`).
 */
@Controller('v1/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportService,
    @Inject(REPORT_EVENT_EMITTER) private readonly emit: EmitReportEvent,
  ) {}

  @Post()
  @HttpCode(202)
  async request(
    @Ctx() ctx: RequestContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<ReportAccepted> {
    const accepted = await this.reports.request(ctx, body, this.emit);
    reply.header('location', accepted.location);
    return accepted;
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ReportView> {
    return this.reports.get(ctx, id);
  }

  @Get(':id/file')
  async file(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<StreamableFile> {
    const file = await this.reports.openFile(ctx, id);
    for (const [name, value] of Object.entries(file.headers)) reply.header(name, value);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.contentLength,
      disposition: file.headers['content-disposition'],
    });
  }
}
