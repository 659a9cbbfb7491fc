import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { Ctx, PlatformScope, type RequestContext } from '@haat/tenant';
import type { FastifyReply } from 'fastify';
import { ListMailboxQuerySchema, MailboxMessageIdSchema } from './dto/mailbox.dto.js';
import { MailboxService } from './mailbox.service.js';

/**
 * What the embedded mailbox received (email and, with the mailbox SMS provider, SMS): the
 * calling tenant's messages, or every tenant's for a platform-scope operator.
 */
@Controller('v1/mailbox/messages')
@PlatformScope()
export class MailboxController {
  constructor(private readonly mailbox: MailboxService) {}

  @Get()
  @RequirePermissions('notification-log:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.mailbox.list(ctx, parseOrThrow(ListMailboxQuerySchema, query, 'query'));
  }

  @Get(':id')
  @RequirePermissions('notification-log:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.mailbox.get(ctx, parseOrThrow(MailboxMessageIdSchema, params, 'params').id);
  }

  /** The email as received (RFC 5322), for mail clients and parsers. */
  @Get(':id/raw')
  @RequirePermissions('notification-log:read')
  async raw(
    @Ctx() ctx: RequestContext,
    @Param() params: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const raw = await this.mailbox.raw(ctx, parseOrThrow(MailboxMessageIdSchema, params, 'params').id);
    // Set only once the message is found: an error is still answered as JSON.
    reply.header('content-type', 'message/rfc822');
    return raw;
  }
}
