import { Inject, Injectable } from '@nestjs/common';
import { newId } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import { systemContext } from '@haat/tenant';
import { PLATFORM_SPACE } from '../../infrastructure/account-space.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { Grant } from '../accounts/dto/account.dto.js';
import { PasswordHasher } from '../passwords/password.hasher.js';
import { TENANT_SCOPE, vendorScope } from '../roles/role-catalog.js';
import { DEMO_CUSTOMER_PHONE, DEMO_EMAILS, DEMO_PASSWORD, DEMO_VENDOR_IDS } from './demo-accounts.js';

export interface DemoSeedOptions {
  /** The demo tenant (tenant-service's `DEMO_TENANT_ID`). */
  tenantId: string;
  vendorIds?: readonly [string, string];
}

/** Creates the demo accounts that do not exist yet; safe on every start. */
@Injectable()
export class DemoSeeder {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: AccountsRepository,
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
  ) {}

  async seed(options: DemoSeedOptions): Promise<Record<keyof typeof DEMO_EMAILS, string>> {
    const [v1, v2] = options.vendorIds ?? DEMO_VENDOR_IDS;
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const tenant = (role: string): Grant => ({ role, scope: TENANT_SCOPE });
    const vendor = (role: string, id: string): Grant => ({ role, scope: vendorScope(id) });
    const t = options.tenantId;
    const ids = {
      operator: await this.ensure(
        PLATFORM_SPACE,
        DEMO_EMAILS.operator,
        'Platform Operator',
        [tenant('operator')],
        passwordHash,
      ),
      tenantOwner: await this.ensure(
        t,
        DEMO_EMAILS.tenantOwner,
        'Demo Owner',
        [tenant('tenant_owner')],
        passwordHash,
      ),
      vendor1Owner: await this.ensure(
        t,
        DEMO_EMAILS.vendor1Owner,
        'Vendor One Owner',
        [vendor('vendor_owner', v1)],
        passwordHash,
      ),
      vendor1Staff: await this.ensure(
        t,
        DEMO_EMAILS.vendor1Staff,
        'Vendor One Staff',
        [vendor('vendor_staff', v1)],
        passwordHash,
      ),
      vendor2Owner: await this.ensure(
        t,
        DEMO_EMAILS.vendor2Owner,
        'Vendor Two Owner',
        [vendor('vendor_owner', v2)],
        passwordHash,
      ),
      vendor2Staff: await this.ensure(
        t,
        DEMO_EMAILS.vendor2Staff,
        'Vendor Two Staff',
        [vendor('vendor_staff', v2)],
        passwordHash,
      ),
      customer: await this.ensure(
        t,
        DEMO_EMAILS.customer,
        'Demo Customer',
        [tenant('customer')],
        passwordHash,
        DEMO_CUSTOMER_PHONE,
      ),
    };
    return ids;
  }

  private ensure(
    space: string,
    email: string,
    displayName: string,
    grants: Grant[],
    passwordHash: string,
    phone?: string,
  ): Promise<string> {
    const ctx = systemContext(`seed-auth-demo-${newId()}`, space === PLATFORM_SPACE ? null : space);
    return this.database.withTenant(space, async (tx) => {
      const existing = await this.repository.findByEmail(tx, space, email);
      if (existing) return existing.id;
      const row = await this.accounts.create(
        ctx,
        space,
        {
          email,
          emailVerified: true,
          phone: phone ?? null,
          phoneVerified: Boolean(phone),
          displayName,
          passwordHash,
          grants,
          method: 'seed',
        },
        tx,
      );
      return row.id;
    });
  }
}
