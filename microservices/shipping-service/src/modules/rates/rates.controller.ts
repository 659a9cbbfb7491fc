import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { QuoteRequestSchema } from './dto/quote.dto.js';
import {
  ListRatesQuerySchema,
  RateIdParamsSchema,
  SaveRateRuleSchema,
  ZoneParamsSchema,
} from './dto/rate-rule.dto.js';
import { QuotesService } from './quotes.service.js';
import { RatesService } from './rates.service.js';

/** Shipping prices per zone (`shipping-rule:*`). */
@Controller('v1/shipping/rates')
export class RatesController {
  constructor(private readonly rates: RatesService) {}

  @Put(':zone')
  @RequirePermissions('shipping-rule:update')
  save(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { zone } = parseOrThrow(ZoneParamsSchema, params, 'params');
    return this.rates.save(tenantContext(ctx), zone, parseOrThrow(SaveRateRuleSchema, body));
  }

  @Get()
  @RequirePermissions('shipping-rule:read')
  async list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    const { vendorId } = parseOrThrow(ListRatesQuerySchema, query, 'query');
    return { items: await this.rates.list(tenantContext(ctx), vendorId), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('shipping-rule:delete')
  async remove(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.rates.remove(tenantContext(ctx), parseOrThrow(RateIdParamsSchema, params, 'params').id);
  }
}

/**
 * `POST /v1/shipping/quotes`: shown in cart and checkout, so guests may ask (no permission);
 * the tenant comes from the gateway's signed context.
 */
@Controller('v1/shipping/quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Post()
  @HttpCode(200)
  quote(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.quotes.quote(tenantContext(ctx), parseOrThrow(QuoteRequestSchema, body));
  }
}
