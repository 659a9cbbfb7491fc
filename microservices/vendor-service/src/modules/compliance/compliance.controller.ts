import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { VendorIdParamsSchema } from '../vendors/dto/vendor.dto.js';
import { ListSubmissionsQuerySchema } from './dto/compliance.dto.js';
import { SubmitDocumentsSchema } from './dto/submit-documents.dto.js';
import { SubmissionsService } from './submissions.service.js';

/**
 * Submitting documents and reading the compliance results: the vendor (`vendor:update` to
 * submit, `vendor:read` to read) and the marketplace's reviewers.
 */
@Controller('v1/vendors/:id')
export class ComplianceController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post('submissions')
  @HttpCode(200)
  submit(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(VendorIdParamsSchema, params, 'params');
    return this.submissions.submit(tenantContext(ctx), id, parseOrThrow(SubmitDocumentsSchema, body));
  }

  @Get('submissions')
  list(@Ctx() ctx: RequestContext, @Param() params: unknown, @Query() query: unknown) {
    const { id } = parseOrThrow(VendorIdParamsSchema, params, 'params');
    return this.submissions.list(
      tenantContext(ctx),
      id,
      parseOrThrow(ListSubmissionsQuerySchema, query, 'query'),
    );
  }

  @Get('compliance')
  latest(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.submissions.latest(
      tenantContext(ctx),
      parseOrThrow(VendorIdParamsSchema, params, 'params').id,
    );
  }
}
