import { Controller, Get, Param, Query } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { VendorIdParamsSchema } from '../vendors/dto/vendor.dto.js';
import { MetricsQuerySchema } from './dto/metrics.dto.js';
import { VendorMetricsService } from './vendor-metrics.service.js';

/** Seller performance of a period (`vendor:read` over the vendor). */
@Controller('v1/vendors/:id/metrics')
export class VendorMetricsController {
  constructor(private readonly metrics: VendorMetricsService) {}

  @Get()
  get(@Ctx() ctx: RequestContext, @Param() params: unknown, @Query() query: unknown) {
    const { id } = parseOrThrow(VendorIdParamsSchema, params, 'params');
    return this.metrics.get(tenantContext(ctx), id, parseOrThrow(MetricsQuerySchema, query, 'query'));
  }
}
