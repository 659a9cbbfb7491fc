import { Controller, Get, Inject, Res } from '@nestjs/common';
import { NotFoundError } from '@haat/common';
import { SERVICE_CONFIG } from '@haat/service';
import { PublicRoute } from '@haat/tenant';
import type { FastifyReply } from 'fastify';
import type { NotificationServiceConfig } from '../../config/notification-service.config.js';
import { MAILBOX_ERRORS } from './mailbox.errors.js';
import { renderMailboxPage } from './mailbox-page.renderer.js';
import { MailboxService } from './mailbox.service.js';

const PAGE_SIZE = 100;

/**
 * `GET /mailbox`: the embedded mailbox for a developer's browser, unsigned, in embedded mode
 * only (the service listens on loopback there); 404 in any other mode.
 */
@Controller('mailbox')
export class MailboxPageController {
  constructor(
    private readonly mailbox: MailboxService,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationServiceConfig,
  ) {}

  @Get()
  @PublicRoute()
  async page(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (this.config.HAAT_MODE !== 'embedded' || !this.mailbox.enabled) {
      throw new NotFoundError(MAILBOX_ERRORS.disabled, 'The mailbox page exists in embedded mode only');
    }
    const { messages, hasMore } = await this.mailbox.recent(PAGE_SIZE);
    // Headers are set only on success: an error is still answered as JSON.
    reply.headers({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'cache-control': 'no-store',
    });
    return renderMailboxPage(messages, hasMore);
  }
}
