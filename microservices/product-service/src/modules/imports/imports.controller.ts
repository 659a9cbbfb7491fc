import type { Readable } from 'node:stream';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, PublicRoute, type RequestContext } from '@haat/tenant';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { STREAMED_CONTENT_TYPES } from '../../infrastructure/http/raw-upload.parser.js';
import {
  CreateImportSchema,
  ImportErrorsQuerySchema,
  ImportIdParamsSchema,
  UploadQuerySchema,
} from './dto/import.dto.js';
import { ImportsService } from './imports.service.js';
import { ProductsExportService } from './products-export.service.js';

@Controller('v1/products')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly exports: ProductsExportService,
  ) {}

  /** A new import: the answer carries the signed URL to PUT the CSV file to. */
  @Post('imports')
  @RequirePermissions('product:create', 'product:update')
  create(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.imports.create(tenantContext(ctx), parseOrThrow(CreateImportSchema, body ?? {}));
  }

  /**
   * The file itself, streamed to disk. Public: the signed, expiring URL is the credential (the
   * body is too large to be covered by the internal request signature).
   */
  @Put('imports/:id/file')
  @PublicRoute()
  @HttpCode(202)
  upload(
    @Param() params: unknown,
    @Query() query: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('content-length') contentLength: string | undefined,
    @Req() req: FastifyRequest,
  ) {
    const { id } = parseOrThrow(ImportIdParamsSchema, params, 'params');
    const grant = parseOrThrow(UploadQuerySchema, query, 'query');
    const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!STREAMED_CONTENT_TYPES.includes(type)) {
      throw new UnsupportedMediaTypeException('Upload the file as text/csv');
    }
    const length =
      contentLength !== undefined && /^\d+$/.test(contentLength) ? Number(contentLength) : undefined;
    return this.imports.receive(id, grant, req.body as Readable, length);
  }

  @Get('imports/:id')
  @RequirePermissions('product:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.imports.get(tenantContext(ctx), parseOrThrow(ImportIdParamsSchema, params, 'params').id);
  }

  @Get('imports/:id/errors')
  @RequirePermissions('product:read')
  errors(@Ctx() ctx: RequestContext, @Param() params: unknown, @Query() query: unknown) {
    const { id } = parseOrThrow(ImportIdParamsSchema, params, 'params');
    return this.imports.errors(tenantContext(ctx), id, parseOrThrow(ImportErrorsQuerySchema, query, 'query'));
  }

  /** The catalogue in the caller's vendor scope as CSV (the import layout), streamed. */
  @Get('export.csv')
  @RequirePermissions('product:read')
  async export(@Ctx() ctx: RequestContext, @Res() reply: FastifyReply): Promise<void> {
    const stream = await this.exports.csv(tenantContext(ctx));
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="products.csv"')
      .header('cache-control', 'no-store')
      .send(stream);
  }
}
