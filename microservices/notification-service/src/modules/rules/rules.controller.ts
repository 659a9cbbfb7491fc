import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { PutRuleSchema, RulePathSchema } from './dto/rule.dto.js';
import { RulesService } from './rules.service.js';

/** Which events notify with which template over which channels, for the calling tenant. */
@Controller('v1/notifications/rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  @RequirePermissions('notification-template:read')
  list(@Ctx() ctx: RequestContext) {
    return this.rules.list(tenantContext(ctx));
  }

  @Put(':eventType')
  @RequirePermissions('notification-template:update')
  put(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { eventType } = parseOrThrow(RulePathSchema, params, 'params');
    return this.rules.put(tenantContext(ctx), eventType, parseOrThrow(PutRuleSchema, body));
  }

  @Delete(':eventType')
  @HttpCode(204)
  @RequirePermissions('notification-template:update')
  async reset(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.rules.reset(tenantContext(ctx), parseOrThrow(RulePathSchema, params, 'params').eventType);
  }
}
