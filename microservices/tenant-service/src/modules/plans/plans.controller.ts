import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, PlatformScope, type RequestContext } from '@haat/tenant';
import { CreatePlanSchema } from './dto/create-plan.dto.js';
import { ListPlansQuerySchema } from './dto/list-plans.query.js';
import { PlanCodeParamsSchema } from './dto/plan.dto.js';
import { UpdatePlanSchema } from './dto/update-plan.dto.js';
import { PlansService } from './plans.service.js';

/** Operator API of subscription plans: `plan:manage` is held by operators (`*`) only. */
@Controller('v1/platform/plans')
@PlatformScope()
@RequirePermissions('plan:manage')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Post()
  create(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.plans.create(ctx, parseOrThrow(CreatePlanSchema, body));
  }

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.plans.list(ctx, parseOrThrow(ListPlansQuerySchema, query, 'query'));
  }

  @Get(':code')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.plans.get(ctx, parseOrThrow(PlanCodeParamsSchema, params, 'params').code);
  }

  @Patch(':code')
  update(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { code } = parseOrThrow(PlanCodeParamsSchema, params, 'params');
    return this.plans.update(ctx, code, parseOrThrow(UpdatePlanSchema, body));
  }

  @Delete(':code')
  @HttpCode(204)
  async remove(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.plans.remove(ctx, parseOrThrow(PlanCodeParamsSchema, params, 'params').code);
  }
}
