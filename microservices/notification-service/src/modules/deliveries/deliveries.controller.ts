import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryIdSchema, ListDeliveriesQuerySchema } from './dto/delivery.dto.js';

/** The tenant's delivery log: every message, its attempts and outcome; replays of failed ones. */
@Controller('v1/notifications/deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @RequirePermissions('notification-log:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.deliveries.list(tenantContext(ctx), parseOrThrow(ListDeliveriesQuerySchema, query, 'query'));
  }

  @Get(':id')
  @RequirePermissions('notification-log:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.deliveries.get(tenantContext(ctx), parseOrThrow(DeliveryIdSchema, params, 'params').id);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @RequirePermissions('notification-log:update')
  retry(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.deliveries.retry(tenantContext(ctx), parseOrThrow(DeliveryIdSchema, params, 'params').id);
  }
}
