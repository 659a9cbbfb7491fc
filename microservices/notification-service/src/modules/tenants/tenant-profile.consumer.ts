import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TenantCreatedV1, TenantUpdatedV1 } from '@haat/contracts';
import { EventConsumers } from '@haat/service';
import { scopeToTenant } from '../../infrastructure/db/tenant-scope.js';
import { TenantProfilesService } from './tenant-profiles.service.js';

/** Keeps each tenant's name and default language, which messages use. */
@Injectable()
export class TenantProfileConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly profiles: TenantProfilesService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'notification-service.keep-tenant-profile',
      events: [TenantCreatedV1, TenantUpdatedV1],
      handle: async (_ctx, event, tx) => {
        const p = event.payload;
        await scopeToTenant(tx, p.tenantId);
        await this.profiles.remember(tx, {
          tenantId: p.tenantId,
          name: p.name,
          slug: p.slug,
          defaultLocale: p.defaultLocale,
        });
      },
    });
  }
}
