import { Inject, Injectable } from '@nestjs/common';
import { hasPermission } from '@haat/auth';
import { ForbiddenError, NotFoundError, type Page } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import type { Account } from '../accounts/dto/account.dto.js';
import { type Granter, GrantsService } from './grants.service.js';
import { vendorScope } from './role-catalog.js';
import { ROLE_ERRORS } from './roles.errors.js';

/**
 * A vendor's own staff, managed by the vendor's owner: every call is confined to vendors the
 * caller holds a role for (tenant administrators reach every vendor). Owners are the
 * tenant's to appoint, so this API neither grants nor removes `vendor_owner`.
 */
@Injectable()
export class VendorStaffService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly accounts: AccountsRepository,
    private readonly grants: GrantsService,
  ) {}

  async list(
    ctx: Granter,
    space: string,
    vendorId: string,
    query: { limit: number; cursor?: string | undefined },
  ) {
    await this.assertActsFor(ctx, space, vendorId);
    return this.grants.list(space, { ...query, vendorId }) as Promise<Page<Account>>;
  }

  async add(
    ctx: Granter,
    space: string,
    vendorId: string,
    input: { email: string; displayName?: string | undefined; role: string },
  ) {
    await this.assertActsFor(ctx, space, vendorId);
    if (input.role === 'vendor_owner') {
      throw new ForbiddenError(
        ROLE_ERRORS.roleNotGrantable,
        'Vendor owners are appointed by the marketplace',
        {
          role: input.role,
        },
      );
    }
    return this.grants.addStaff(ctx, space, {
      email: input.email,
      displayName: input.displayName,
      grants: [{ role: input.role, vendorId }],
    });
  }

  /** Removes every role the account holds for this vendor, except an owner's. */
  async remove(ctx: Granter, space: string, vendorId: string, accountId: string): Promise<void> {
    await this.assertActsFor(ctx, space, vendorId);
    const scope = vendorScope(vendorId);
    await this.database.withTenant(space, async (tx) => {
      const held = (await this.accounts.grantsOf(tx, space, [accountId])).filter((g) => g.scope === scope);
      const removable = held.filter((g) => g.role !== 'vendor_owner');
      if (removable.length === 0) {
        throw new NotFoundError(ROLE_ERRORS.grantNotFound, 'This account is not staff of this vendor', {
          accountId,
        });
      }
      for (const g of removable)
        await this.accounts.revokeGrants(tx, space, accountId, { role: g.role, scope });
    });
  }

  /** 403 `AUTH_VENDOR_SCOPE_DENIED` unless the caller works for this vendor or administers the tenant. */
  private async assertActsFor(ctx: Granter, space: string, vendorId: string): Promise<void> {
    if (hasPermission(ctx.permissions, 'user:update')) return;
    const scope = vendorScope(vendorId);
    const own = ctx.userId
      ? await this.database.withTenant(space, (tx) =>
          this.accounts.grantsOf(tx, space, [ctx.userId as string]),
        )
      : [];
    if (!own.some((g) => g.scope === scope)) {
      throw new ForbiddenError(ROLE_ERRORS.vendorScopeDenied, 'You do not act for this vendor', { vendorId });
    }
  }
}
