import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { FeatureParamsSchema, ListFeaturesQuerySchema, SetFeatureSchema } from './dto/feature.dto.js';
import { FeaturesService } from './features.service.js';

/** The calling tenant's feature toggles: read with `feature-flag:read`, changed with `tenant:update`. */
@Controller('v1/tenant/features')
export class FeaturesController {
  constructor(private readonly features: FeaturesService) {}

  @Get()
  @RequirePermissions('feature-flag:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.features.list(tenantContext(ctx), parseOrThrow(ListFeaturesQuerySchema, query, 'query'));
  }

  @Get(':feature')
  @RequirePermissions('feature-flag:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.features.get(tenantContext(ctx), parseOrThrow(FeatureParamsSchema, params, 'params').feature);
  }

  @Put(':feature')
  @RequirePermissions('tenant:update')
  set(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { feature } = parseOrThrow(FeatureParamsSchema, params, 'params');
    return this.features.set(tenantContext(ctx), feature, parseOrThrow(SetFeatureSchema, body).enabled);
  }
}
