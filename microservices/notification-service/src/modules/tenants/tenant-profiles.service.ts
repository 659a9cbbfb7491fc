import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { TenantProfilesRepository } from './tenant-profiles.repository.js';

/** What messages say about the shop they come from. */
export interface ShopFacts {
  name: string;
  defaultLocale: string | null;
}

/** The platform's own name, for platform accounts and tenants not heard of yet. */
export const PLATFORM_SHOP_NAME = 'Haat';

@Injectable()
export class TenantProfilesService {
  constructor(private readonly repository: TenantProfilesRepository) {}

  async shop(db: DbExecutor, tenantId: string): Promise<ShopFacts> {
    const row = await this.repository.find(db, tenantId);
    return { name: row?.name ?? PLATFORM_SHOP_NAME, defaultLocale: row?.defaultLocale ?? null };
  }

  async remember(
    db: DbExecutor,
    facts: { tenantId: string; name: string; slug: string; defaultLocale: string },
  ): Promise<void> {
    await this.repository.upsert(db, facts);
  }
}
