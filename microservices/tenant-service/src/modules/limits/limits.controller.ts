import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { CheckLimitSchema } from './dto/check-limit.dto.js';
import { LimitsService } from './limits.service.js';

/** Limit checks for the signed context's tenant; any signed caller may ask (it changes nothing). */
@Controller('v1/limits')
export class LimitsController {
  constructor(private readonly limits: LimitsService) {}

  @Post('check')
  @HttpCode(200)
  check(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    const tenant = tenantContext(ctx);
    return this.limits.check(tenant, tenant.tenantId, parseOrThrow(CheckLimitSchema, body));
  }
}
