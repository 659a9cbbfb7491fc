import { Inject, Injectable } from '@nestjs/common';
import { type Clock } from '@haat/common';
import type { Database } from '@haat/database';
import type { EnvelopeContext } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { Account } from '../accounts/dto/account.dto.js';
import { TENANT_SCOPE } from '../roles/role-catalog.js';

/** Operators appoint a tenant's first owner: an account (invited to set a password) holding `tenant_owner`. */
@Injectable()
export class TenantOwnersService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: AccountsRepository,
    private readonly accounts: AccountsService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  async appoint(
    ctx: EnvelopeContext & { userId: string | null },
    tenantId: string,
    input: { email: string; displayName?: string | undefined },
  ): Promise<Account> {
    return this.database.withTenant(tenantId, async (tx) => {
      const grant = { role: 'tenant_owner', scope: TENANT_SCOPE };
      const existing = await this.repository.findByEmail(tx, tenantId, input.email);
      if (existing) {
        await this.repository.grant(tx, {
          tenantId,
          accountId: existing.id,
          ...grant,
          grantedAt: this.clock.now(),
          grantedBy: ctx.userId,
        });
        return this.accounts.describe(tenantId, existing, tx);
      }
      const row = await this.accounts.create(
        ctx,
        tenantId,
        { email: input.email, displayName: input.displayName ?? null, grants: [grant], method: 'invitation' },
        tx,
      );
      await this.accounts.requestPasswordLink(ctx, tenantId, row, 'invitation', tx);
      return this.accounts.describe(tenantId, row, tx);
    });
  }
}
