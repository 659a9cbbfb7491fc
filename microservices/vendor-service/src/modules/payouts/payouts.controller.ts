import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { VendorIdParamsSchema } from '../vendors/dto/vendor.dto.js';
import { PutPayoutAccountSchema } from './dto/payout-account.dto.js';
import { PayoutsService } from './payouts.service.js';

/**
 * A vendor's payout account: its owner reads and changes it (`payout-account:read|update`),
 * a marketplace reviewer verifies a change (`vendor:approve`). Numbers are always masked.
 */
@Controller('v1/vendors/:id/payout-account')
export class PayoutsController {
  constructor(private readonly payouts: PayoutsService) {}

  @Get()
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.payouts.get(tenantContext(ctx), parseOrThrow(VendorIdParamsSchema, params, 'params').id);
  }

  @Put()
  put(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(VendorIdParamsSchema, params, 'params');
    return this.payouts.put(tenantContext(ctx), id, parseOrThrow(PutPayoutAccountSchema, body));
  }

  @Post('verify')
  @HttpCode(200)
  verify(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.payouts.verify(tenantContext(ctx), parseOrThrow(VendorIdParamsSchema, params, 'params').id);
  }
}
