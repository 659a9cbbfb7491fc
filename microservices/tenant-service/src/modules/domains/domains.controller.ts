import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { DomainsService } from './domains.service.js';
import { AddDomainSchema } from './dto/add-domain.dto.js';
import { DomainIdParamsSchema } from './dto/domain.dto.js';
import { ListDomainsQuerySchema } from './dto/list-domains.query.js';

/** The calling tenant's domains (tenant owners hold `domain:*`; operators `*`). */
@Controller('v1/tenant/domains')
export class DomainsController {
  constructor(private readonly domains: DomainsService) {}

  @Get()
  @RequirePermissions('domain:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.domains.list(tenantContext(ctx), parseOrThrow(ListDomainsQuerySchema, query, 'query'));
  }

  @Post()
  @RequirePermissions('domain:create')
  add(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.domains.add(tenantContext(ctx), parseOrThrow(AddDomainSchema, body).hostname);
  }

  @Get(':id')
  @RequirePermissions('domain:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.domains.get(tenantContext(ctx), parseOrThrow(DomainIdParamsSchema, params, 'params').id);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @RequirePermissions('domain:verify')
  verify(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.domains.verify(tenantContext(ctx), parseOrThrow(DomainIdParamsSchema, params, 'params').id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('domain:delete')
  async remove(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.domains.remove(tenantContext(ctx), parseOrThrow(DomainIdParamsSchema, params, 'params').id);
  }
}
