import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { PageQuerySchema, parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { CreatePushSubscriptionSchema, PushSubscriptionIdSchema } from './dto/push-subscription.dto.js';
import { PushSubscriptionsService } from './push-subscriptions.service.js';

/** The signed-in person's browsers that receive web push. */
@Controller('v1/notifications/push')
export class PushSubscriptionsController {
  constructor(private readonly push: PushSubscriptionsService) {}

  /** Public information the storefront needs before subscribing: no permission. */
  @Get('public-key')
  publicKey(@Ctx() ctx: RequestContext) {
    tenantContext(ctx);
    return this.push.publicKey();
  }

  @Post('subscriptions')
  @RequirePermissions('notification-preference:update')
  subscribe(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.push.subscribe(tenantContext(ctx), parseOrThrow(CreatePushSubscriptionSchema, body));
  }

  @Get('subscriptions')
  @RequirePermissions('notification-preference:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.push.list(tenantContext(ctx), parseOrThrow(PageQuerySchema, query, 'query'));
  }

  @Delete('subscriptions/:id')
  @HttpCode(204)
  @RequirePermissions('notification-preference:update')
  async unsubscribe(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.push.unsubscribe(
      tenantContext(ctx),
      parseOrThrow(PushSubscriptionIdSchema, params, 'params').id,
    );
  }
}
