import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Idempotent } from '@haat/idempotency';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { DeliveriesService } from './deliveries.service.js';
import { SendNotificationSchema } from './dto/send-notification.dto.js';

/** Staff (or another service) send a shipped template to someone now. */
@Controller('v1/notifications')
export class SendNotificationController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Post()
  @HttpCode(202)
  @Idempotent({ required: false })
  @RequirePermissions('notification:send')
  send(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.deliveries.send(tenantContext(ctx), parseOrThrow(SendNotificationSchema, body));
  }
}
