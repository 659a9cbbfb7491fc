import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { CommissionResolutionService } from './commission-resolution.service.js';
import { CommissionRulesService } from './commission-rules.service.js';
import {
  CommissionRuleIdParamsSchema,
  CreateCommissionRuleSchema,
  EndCommissionRuleSchema,
  ListCommissionRulesQuerySchema,
} from './dto/commission-rule.dto.js';
import { ResolveCommissionSchema } from './dto/resolve-commission.dto.js';

/** Commission rules of the marketplace and their resolution for order lines. */
@Controller('v1/commissions')
export class CommissionsController {
  constructor(
    private readonly rules: CommissionRulesService,
    private readonly resolution: CommissionResolutionService,
  ) {}

  @Post('rules')
  @RequirePermissions('commission-rule:create')
  create(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.rules.create(tenantContext(ctx), parseOrThrow(CreateCommissionRuleSchema, body));
  }

  @Get('rules')
  @RequirePermissions('commission-rule:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.rules.list(tenantContext(ctx), parseOrThrow(ListCommissionRulesQuerySchema, query, 'query'));
  }

  @Get('rules/:id')
  @RequirePermissions('commission-rule:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.rules.get(
      tenantContext(ctx),
      parseOrThrow(CommissionRuleIdParamsSchema, params, 'params').id,
    );
  }

  @Patch('rules/:id')
  @RequirePermissions('commission-rule:update')
  end(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(CommissionRuleIdParamsSchema, params, 'params');
    const input = parseOrThrow(EndCommissionRuleSchema, body);
    return this.rules.end(tenantContext(ctx), id, new Date(input.effectiveTo));
  }

  /** Which rule applies to each order line, why, and the commission in minor units. */
  @Post('resolve')
  @HttpCode(200)
  @RequirePermissions('commission-rule:read')
  resolve(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.resolution.resolve(tenantContext(ctx), parseOrThrow(ResolveCommissionSchema, body));
  }
}
