import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow, ValidationError } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { CourierGateways } from '../../infrastructure/couriers/courier-gateways.js';
import { AccountsService } from './accounts.service.js';
import { AccountIdParamsSchema, SaveCourierAccountSchema } from './dto/courier-account.dto.js';

/** Courier accounts of the tenant and its vendors (`shipping-rule:*`). */
@Controller('v1/shipping/courier-accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly gateways: CourierGateways,
  ) {}

  @Put()
  @RequirePermissions('shipping-rule:update')
  save(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.accounts.save(tenantContext(ctx), parseOrThrow(SaveCourierAccountSchema, body));
  }

  @Get()
  @RequirePermissions('shipping-rule:read')
  async list(@Ctx() ctx: RequestContext) {
    return { items: await this.accounts.list(tenantContext(ctx)), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('shipping-rule:delete')
  async remove(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.accounts.remove(tenantContext(ctx), parseOrThrow(AccountIdParamsSchema, params, 'params').id);
  }

  /** Steadfast's merchant balance, as its API reports it. */
  @Get(':id/balance')
  @RequirePermissions('shipping-rule:read')
  async balance(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    const account = await this.accounts.open(
      tenantContext(ctx),
      parseOrThrow(AccountIdParamsSchema, params, 'params').id,
    );
    if (account.courier !== 'steadfast') {
      throw new ValidationError('SHIPPING_BALANCE_UNSUPPORTED', 'Only Steadfast reports a merchant balance', {
        fields: [{ field: 'id', message: 'not a Steadfast account', code: 'custom' }],
      });
    }
    const balance = await this.gateways.steadfast.balance(account);
    return { courier: 'steadfast', balanceMinor: balance.toString(), currency: 'BDT' };
  }
}
