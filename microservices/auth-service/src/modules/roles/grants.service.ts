import { Inject, Injectable } from '@nestjs/common';
import { hasPermission } from '@haat/auth';
import {
  type Clock,
  decodeCursor,
  ForbiddenError,
  NotFoundError,
  type Page,
  toPage,
  ValidationError,
} from '@haat/common';
import { AuthAccountRolesChangedV1 } from '@haat/contracts';
import type { Database, Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import type { RequestContext } from '@haat/tenant';
import { z } from 'zod';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { authEvent } from '../../infrastructure/auth-event.js';
import { ACCOUNT_ERRORS } from '../accounts/accounts.errors.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import type { AccountRow } from '../accounts/accounts.schema.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { type Account, type Grant, toAccount } from '../accounts/dto/account.dto.js';
import type { CreateStaffInput, GrantInput } from './dto/roles.dto.js';
import { PermissionResolver } from './permission.resolver.js';
import { assertGrantable, roleNotFound } from './roles-admin.service.js';
import { isBuiltInRole, TENANT_SCOPE, VENDOR_ROLES, vendorScope } from './role-catalog.js';
import { ROLE_ERRORS } from './roles.errors.js';
import { RolesRepository } from './roles.repository.js';

const AccountCursorSchema = z.object({ id: z.string().uuid() });

/** Who grants: the caller's account and the permissions the gateway signed for them. */
export type Granter = Pick<RequestContext, 'userId' | 'permissions' | 'roles' | 'traceparent' | 'tenantId'>;

/**
 * Who holds which role: listing accounts, granting and revoking roles, creating staff. A role
 * can only be granted by someone who holds all its permissions; `tenant_owner` only by a
 * tenant owner; `operator` never from here.
 */
@Injectable()
export class GrantsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly accountsRepository: AccountsRepository,
    private readonly accounts: AccountsService,
    private readonly roles: RolesRepository,
    private readonly resolver: PermissionResolver,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  /** Accounts of the space, oldest first; only those with a grant for `vendorId` when given. */
  async list(
    space: string,
    query: { limit: number; cursor?: string | undefined; vendorId?: string | undefined },
  ): Promise<Page<Account>> {
    const after = decodeCursor(query.cursor, AccountCursorSchema);
    const scope = query.vendorId ? vendorScope(query.vendorId) : undefined;
    return this.database.withTenant(space, async (tx) => {
      const rows = await this.accountsRepository.list(tx, space, {
        limit: query.limit,
        afterId: after?.id,
        scope,
      });
      const grants = await this.accountsRepository.grantsOf(
        tx,
        space,
        rows.map((r) => r.id),
      );
      return toPage(
        rows,
        query.limit,
        (r) => ({ id: r.id }),
        (r) =>
          toAccount(
            r,
            grants.filter((g) => g.accountId === r.id && (!scope || g.scope === scope)),
          ),
      );
    });
  }

  async grant(ctx: Granter, space: string, accountId: string, input: GrantInput): Promise<Account> {
    return this.database.withTenant(space, async (tx) => {
      const account = await this.mustFind(tx, space, accountId);
      const grant = await this.checkGrantable(ctx, space, input, tx);
      if (
        await this.accountsRepository.grant(tx, {
          tenantId: space,
          accountId,
          ...grant,
          grantedAt: this.clock.now(),
          grantedBy: ctx.userId,
        })
      ) {
        await this.announce(ctx, space, accountId, tx);
      }
      return this.accounts.describe(space, account, tx);
    });
  }

  async revoke(ctx: Granter, space: string, accountId: string, input: GrantInput): Promise<Account> {
    return this.database.withTenant(space, async (tx) => {
      const account = await this.mustFind(tx, space, accountId);
      const grant = await this.checkGrantable(ctx, space, input, tx);
      const removed = await this.accountsRepository.revokeGrants(tx, space, accountId, grant);
      if (removed === 0) {
        throw new NotFoundError(ROLE_ERRORS.grantNotFound, 'The account does not hold this role', grant);
      }
      await this.announce(ctx, space, accountId, tx);
      return this.accounts.describe(space, account, tx);
    });
  }

  /**
   * Gives `grants` to the account with `email`, creating it (with an invitation to set a
   * password) when the space has none.
   */
  async addStaff(ctx: Granter, space: string, input: CreateStaffInput): Promise<Account> {
    return this.database.withTenant(space, async (tx) => {
      const grants: Grant[] = [];
      for (const g of input.grants) grants.push(await this.checkGrantable(ctx, space, g, tx));
      const now = this.clock.now();
      let account: AccountRow | undefined = await this.accountsRepository.findByEmail(tx, space, input.email);
      if (account) {
        for (const g of grants) {
          await this.accountsRepository.grant(tx, {
            tenantId: space,
            accountId: account.id,
            ...g,
            grantedAt: now,
            grantedBy: ctx.userId,
          });
        }
        await this.announce(ctx, space, account.id, tx);
      } else {
        account = await this.accounts.create(
          ctx,
          space,
          {
            email: input.email,
            displayName: input.displayName ?? null,
            grants,
            method: 'invitation',
            grantedBy: ctx.userId,
          },
          tx,
        );
        await this.accounts.requestPasswordLink(ctx, space, account, 'invitation', tx);
      }
      return this.accounts.describe(space, account, tx);
    });
  }

  /** The grant `input` describes, if this caller may give (or take) it. */
  async checkGrantable(ctx: Granter, space: string, input: GrantInput, tx: Tx): Promise<Grant> {
    const { role } = input;
    if (role === 'operator') throw notGrantable(role, 'operators are managed by the platform');
    const isVendorRole = (VENDOR_ROLES as readonly string[]).includes(role);
    if (isVendorRole && !input.vendorId) {
      throw new ValidationError(
        ROLE_ERRORS.vendorRequired,
        `Invalid body: vendorId: ${role} is held for one vendor`,
        {
          in: 'body',
          fields: [{ field: 'vendorId', message: `${role} is held for one vendor`, code: 'custom' }],
        },
      );
    }
    if (role === 'tenant_owner' && !ctx.roles.includes('tenant_owner')) {
      throw notGrantable(role, 'only a tenant owner can make another');
    }
    if (isBuiltInRole(role)) {
      // Tenant administrators (who manage users) may give the built-in roles below owner.
      if (!hasPermission(ctx.permissions, 'user:update')) {
        assertGrantable(
          ctx.permissions,
          (await this.resolver.expand(space, [{ role, scope: TENANT_SCOPE }], tx)).permissions,
        );
      }
    } else {
      const custom = await this.roles.find(tx, space, role);
      if (!custom) throw roleNotFound(role);
      assertGrantable(ctx.permissions, custom.permissions);
    }
    return { role, scope: input.vendorId ? vendorScope(input.vendorId) : TENANT_SCOPE };
  }

  private async mustFind(tx: Tx, space: string, accountId: string): Promise<AccountRow> {
    const account = await this.accountsRepository.findById(tx, space, accountId);
    if (!account) throw new NotFoundError(ACCOUNT_ERRORS.notFound, 'No such account', { id: accountId });
    return account;
  }

  private async announce(ctx: Granter, space: string, accountId: string, tx: Tx): Promise<void> {
    const grants = await this.accountsRepository.grantsOf(tx, space, [accountId]);
    await addToOutbox(
      tx,
      authEvent(AuthAccountRolesChangedV1, ctx, space, 'account', accountId, {
        accountId,
        grants: grants.map((g) => ({ role: g.role, scope: g.scope })),
        changedBy: ctx.userId,
      }),
    );
  }
}

function notGrantable(role: string, why: string): ForbiddenError {
  return new ForbiddenError(ROLE_ERRORS.roleNotGrantable, `You cannot grant ${role}: ${why}`, { role });
}
