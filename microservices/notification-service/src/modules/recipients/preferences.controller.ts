import { Body, Controller, Get, Put } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { PutPreferencesSchema } from './dto/preferences.dto.js';
import { RecipientsService } from './recipients.service.js';

/** The signed-in person's own notification settings. */
@Controller('v1/notifications/preferences')
export class PreferencesController {
  constructor(private readonly recipients: RecipientsService) {}

  @Get()
  @RequirePermissions('notification-preference:read')
  get(@Ctx() ctx: RequestContext) {
    return this.recipients.preferences(tenantContext(ctx));
  }

  @Put()
  @RequirePermissions('notification-preference:update')
  put(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.recipients.updatePreferences(tenantContext(ctx), parseOrThrow(PutPreferencesSchema, body));
  }
}
