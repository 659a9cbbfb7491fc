import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Idempotent } from '@haat/idempotency';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { IntentIdParamsSchema } from '../intents/dto/create-intent.dto.js';
import { CreateRefundSchema, RefundIdParamsSchema, RefundsQuerySchema } from './dto/refund.dto.js';
import { RefundsService } from './refunds.service.js';

/** Refunds of captured payments. */
@Controller('v1/payments')
export class RefundsController {
  constructor(private readonly refunds: RefundsService) {}

  @Post('intents/:id/refunds')
  @Idempotent()
  @RequirePermissions('refund:create')
  create(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(IntentIdParamsSchema, params, 'params');
    return this.refunds.request(tenantContext(ctx), id, parseOrThrow(CreateRefundSchema, body ?? {}));
  }

  @Get('intents/:id/refunds')
  @RequirePermissions('refund:read')
  list(@Ctx() ctx: RequestContext, @Param() params: unknown, @Query() query: unknown) {
    const { id } = parseOrThrow(IntentIdParamsSchema, params, 'params');
    return this.refunds.list(tenantContext(ctx), id, parseOrThrow(RefundsQuerySchema, query, 'query'));
  }

  @Get('refunds/:id')
  @RequirePermissions('refund:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.refunds.get(tenantContext(ctx), parseOrThrow(RefundIdParamsSchema, params, 'params').id);
  }
}
