import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, PlatformScope, type RequestContext } from '@haat/tenant';
import { CreateTenantSchema } from './dto/create-tenant.dto.js';
import { ListTenantsQuerySchema } from './dto/list-tenants.query.js';
import { SuspendTenantSchema } from './dto/suspend-tenant.dto.js';
import { TenantIdParamsSchema } from './dto/tenant.dto.js';
import { UpdateTenantSchema } from './dto/update-tenant.dto.js';
import { TenantsService } from './tenants.service.js';

/**
 * Operator API of the tenant directory. `tenant:manage` is covered by `tenant:*` and `*` (the
 * operator role) only: a tenant owner's `tenant:read`/`tenant:update` never reach it.
 */
@Controller('v1/platform/tenants')
@PlatformScope()
@RequirePermissions('tenant:manage')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  create(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.tenants.create(ctx, parseOrThrow(CreateTenantSchema, body));
  }

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.tenants.list(ctx, parseOrThrow(ListTenantsQuerySchema, query, 'query'));
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.tenants.get(ctx, parseOrThrow(TenantIdParamsSchema, params, 'params').id);
  }

  @Patch(':id')
  update(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(TenantIdParamsSchema, params, 'params');
    return this.tenants.update(ctx, id, parseOrThrow(UpdateTenantSchema, body));
  }

  @Post(':id/suspend')
  @HttpCode(200)
  suspend(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(TenantIdParamsSchema, params, 'params');
    return this.tenants.suspend(ctx, id, parseOrThrow(SuspendTenantSchema, body).reason);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  reinstate(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.tenants.reinstate(ctx, parseOrThrow(TenantIdParamsSchema, params, 'params').id);
  }
}
