import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Idempotent } from '@haat/idempotency';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { StockCheckSchema } from './dto/stock-check.dto.js';
import { ListStockQuerySchema } from './dto/stock-level.dto.js';
import { AdjustmentSchema, ReceiptSchema, ReturnSchema, TransferSchema } from './dto/stock-operations.dto.js';
import { StockQueryService } from './stock-query.service.js';
import { StockService } from './stock.service.js';

/** Stock levels and the operations that change them (each needs an `Idempotency-Key`). */
@Controller('v1/stock')
export class StockController {
  constructor(
    private readonly stock: StockService,
    private readonly queries: StockQueryService,
  ) {}

  @Get()
  @RequirePermissions('stock:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.queries.listLevels(tenantContext(ctx), parseOrThrow(ListStockQuerySchema, query, 'query'));
  }

  @Post('receipts')
  @Idempotent()
  @RequirePermissions('stock:update')
  receive(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.stock.receive(tenantContext(ctx), parseOrThrow(ReceiptSchema, body));
  }

  @Post('adjustments')
  @Idempotent()
  @RequirePermissions('stock:update')
  adjust(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.stock.adjust(tenantContext(ctx), parseOrThrow(AdjustmentSchema, body));
  }

  @Post('transfers')
  @Idempotent()
  @RequirePermissions('stock:update')
  transfer(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.stock.transfer(tenantContext(ctx), parseOrThrow(TransferSchema, body));
  }

  @Post('returns')
  @Idempotent()
  @RequirePermissions('stock:update')
  receiveReturn(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.stock.receiveReturn(tenantContext(ctx), parseOrThrow(ReturnSchema, body));
  }

  /** A read over POST: the lines travel in the body. */
  @Post('check')
  @HttpCode(200)
  @RequirePermissions('stock:read')
  check(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.queries.check(tenantContext(ctx), parseOrThrow(StockCheckSchema, body));
  }
}
