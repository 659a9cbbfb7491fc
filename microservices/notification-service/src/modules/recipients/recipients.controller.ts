import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { PutRecipientSchema, RecipientPathSchema } from './dto/recipient.dto.js';
import { RecipientsService } from './recipients.service.js';

/** Staff manage where vendors, the shop's alert desk and customers are reached. */
@Controller('v1/notifications/recipients')
export class RecipientsController {
  constructor(private readonly recipients: RecipientsService) {}

  @Get(':kind/:ref')
  @RequirePermissions('notification-recipient:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.recipients.get(tenantContext(ctx), parseOrThrow(RecipientPathSchema, params, 'params'));
  }

  @Put(':kind/:ref')
  @RequirePermissions('notification-recipient:update')
  put(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const who = parseOrThrow(RecipientPathSchema, params, 'params');
    return this.recipients.put(tenantContext(ctx), who, parseOrThrow(PutRecipientSchema, body));
  }
}
