import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { AccountsService } from './accounts.service.js';
import { ProviderParamsSchema, PutAccountSchema } from './dto/account.dto.js';

/** The shop's payment provider accounts (credentials are write-only). */
@Controller('v1/payments/providers')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @RequirePermissions('payment:read')
  async list(@Ctx() ctx: RequestContext) {
    return { items: await this.accounts.list(tenantContext(ctx)) };
  }

  @Put(':provider')
  @RequirePermissions('tenant:update')
  put(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { provider } = parseOrThrow(ProviderParamsSchema, params, 'params');
    return this.accounts.put(tenantContext(ctx), provider, parseOrThrow(PutAccountSchema, body));
  }

  @Delete(':provider')
  @HttpCode(204)
  @RequirePermissions('tenant:update')
  async remove(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    const { provider } = parseOrThrow(ProviderParamsSchema, params, 'params');
    await this.accounts.remove(tenantContext(ctx), provider);
  }
}
