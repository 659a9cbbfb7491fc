import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuthAccountRegisteredV1, AuthEmailVerifiedV1 } from '@haat/contracts';
import { EventConsumers } from '@haat/service';
import { scopeToTenant, tenantOf } from '../../infrastructure/db/tenant-scope.js';
import { normalizeEmail, normalizePhone } from './address.rules.js';
import { RecipientsService } from './recipients.service.js';

/** Keeps each account's email and phone, so messages addressed to a user reach them. */
@Injectable()
export class AccountContactConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly recipients: RecipientsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'notification-service.keep-account-contact',
      events: [AuthAccountRegisteredV1, AuthEmailVerifiedV1],
      handle: async (ctx, event, tx) => {
        const tenantId = tenantOf(ctx);
        await scopeToTenant(tx, tenantId);
        const p = event.payload;
        await this.recipients.rememberAccount(tx, tenantId, p.accountId, {
          email: p.email ? normalizeEmail(p.email) : null,
          phone: 'phone' in p && p.phone ? normalizePhone(p.phone) : null,
        });
      },
    });
  }
}
