import { Injectable } from '@nestjs/common';
import type { Tx } from '@haat/database';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import type { Grant } from '../accounts/dto/account.dto.js';
import { builtInPermissions, isBuiltInRole, vendorOfScope } from './role-catalog.js';
import { RolesRepository } from './roles.repository.js';

/** What an account may do: its grants, role names, the permissions they add up to, its vendors. */
export interface Principal {
  accountId: string;
  grants: Grant[];
  roles: string[];
  permissions: string[];
  vendors: string[];
}

/** Expands an account's grants into permissions, from the built-in map and the space's custom roles. */
@Injectable()
export class PermissionResolver {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly roles: RolesRepository,
  ) {}

  async resolve(space: string, accountId: string, tx: Tx): Promise<Principal> {
    const grants = (await this.accounts.grantsOf(tx, space, [accountId])).map((g) => ({
      role: g.role,
      scope: g.scope,
    }));
    return { accountId, grants, ...(await this.expand(space, grants, tx)) };
  }

  /** The role names, permissions and vendors of a set of grants; unknown roles grant nothing. */
  async expand(space: string, grants: readonly Grant[], tx: Tx) {
    const roles = [...new Set(grants.map((g) => g.role))];
    const custom = await this.roles.byKeys(
      tx,
      space,
      roles.filter((r) => !isBuiltInRole(r)),
    );
    const permissions = new Set<string>();
    for (const role of roles) {
      if (isBuiltInRole(role)) for (const p of builtInPermissions(role)) permissions.add(p);
    }
    for (const role of custom) for (const p of role.permissions) permissions.add(p);
    const vendors = [
      ...new Set(grants.map((g) => vendorOfScope(g.scope)).filter((v): v is string => v !== undefined)),
    ];
    return { roles, permissions: [...permissions].sort(), vendors };
  }
}
