import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { ListMovementsQuerySchema } from './dto/movement.dto.js';
import { ListSkusQuerySchema, SkuParamsSchema } from './dto/sku.dto.js';
import { ThresholdSchema } from './dto/stock-operations.dto.js';
import { StockQueryService } from './stock-query.service.js';
import { StockService } from './stock.service.js';

/** SKUs: totals over all warehouses, low-stock thresholds, history. */
@Controller('v1/skus')
export class SkusController {
  constructor(
    private readonly stock: StockService,
    private readonly queries: StockQueryService,
  ) {}

  @Get()
  @RequirePermissions('stock:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.queries.listSkus(tenantContext(ctx), parseOrThrow(ListSkusQuerySchema, query, 'query'));
  }

  @Get(':sku')
  @RequirePermissions('stock:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.queries.getSku(tenantContext(ctx), parseOrThrow(SkuParamsSchema, params, 'params').sku);
  }

  @Get(':sku/movements')
  @RequirePermissions('stock:read')
  movements(@Ctx() ctx: RequestContext, @Param() params: unknown, @Query() query: unknown) {
    const { sku } = parseOrThrow(SkuParamsSchema, params, 'params');
    return this.queries.movementsOf(
      tenantContext(ctx),
      sku,
      parseOrThrow(ListMovementsQuerySchema, query, 'query'),
    );
  }

  @Put(':sku/low-stock-threshold')
  @RequirePermissions('stock:update')
  setThreshold(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { sku } = parseOrThrow(SkuParamsSchema, params, 'params');
    return this.stock.setThreshold(tenantContext(ctx), sku, parseOrThrow(ThresholdSchema, body).threshold);
  }
}
