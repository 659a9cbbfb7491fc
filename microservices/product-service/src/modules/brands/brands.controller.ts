import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { BrandsService } from './brands.service.js';
import { BrandIdParamsSchema, CreateBrandSchema, ListBrandsQuerySchema } from './dto/brand.dto.js';

@Controller('v1/brands')
export class BrandsController {
  constructor(private readonly brands: BrandsService) {}

  @Post()
  @RequirePermissions('category:create')
  create(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.brands.create(tenantContext(ctx), parseOrThrow(CreateBrandSchema, body));
  }

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.brands.list(tenantContext(ctx), parseOrThrow(ListBrandsQuerySchema, query, 'query'));
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.brands.get(tenantContext(ctx), parseOrThrow(BrandIdParamsSchema, params, 'params').id);
  }
}
