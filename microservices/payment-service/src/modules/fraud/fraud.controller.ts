import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { IdSchema, parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { z } from 'zod';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { FraudSettingsSchema } from './dto/fraud-settings.dto.js';
import {
  AddBlockSchema,
  BlockIdParamsSchema,
  ListAssessmentsQuerySchema,
  PageSchema,
} from './dto/fraud.dto.js';
import { FraudService } from './fraud.service.js';

/** Fraud settings, blocklists and the risk assessments of payments, for tenant staff. */
@Controller('v1/payments')
export class FraudController {
  constructor(private readonly fraud: FraudService) {}

  @Get('fraud/settings')
  @RequirePermissions('fraud-rule:read')
  settings(@Ctx() ctx: RequestContext) {
    return this.fraud.getSettings(tenantContext(ctx));
  }

  @Put('fraud/settings')
  @RequirePermissions('fraud-rule:update')
  putSettings(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.fraud.putSettings(tenantContext(ctx), parseOrThrow(FraudSettingsSchema, body));
  }

  @Get('fraud/blocklist')
  @RequirePermissions('fraud-rule:read')
  blocks(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.fraud.listBlocks(tenantContext(ctx), parseOrThrow(PageSchema, query, 'query'));
  }

  @Post('fraud/blocklist')
  @RequirePermissions('fraud-rule:create')
  addBlock(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.fraud.addBlock(tenantContext(ctx), parseOrThrow(AddBlockSchema, body));
  }

  @Delete('fraud/blocklist/:id')
  @HttpCode(204)
  @RequirePermissions('fraud-rule:delete')
  async removeBlock(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.fraud.removeBlock(tenantContext(ctx), parseOrThrow(BlockIdParamsSchema, params, 'params').id);
  }

  @Get('risk-assessments')
  @RequirePermissions('risk-score:read')
  assessments(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.fraud.listAssessments(
      tenantContext(ctx),
      parseOrThrow(ListAssessmentsQuerySchema, query, 'query'),
    );
  }

  @Get('intents/:id/risk')
  @RequirePermissions('risk-score:read')
  assessment(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    const { id } = parseOrThrow(z.object({ id: IdSchema }), params, 'params');
    return this.fraud.assessmentOf(tenantContext(ctx), id);
  }
}
