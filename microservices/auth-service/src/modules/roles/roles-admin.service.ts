import { Inject, Injectable } from '@nestjs/common';
import { BUILT_IN_ROLES, missingPermissions } from '@haat/auth';
import { type Clock, ConflictError, ForbiddenError, newId, NotFoundError } from '@haat/common';
import { type Database, isUniqueViolation } from '@haat/database';
import { DATABASE } from '@haat/service';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import type { CreateRoleInput, UpdateRoleInput } from './dto/roles.dto.js';
import { builtInPermissions, isBuiltInRole } from './role-catalog.js';
import { ROLE_ERRORS } from './roles.errors.js';
import type { CustomRoleRow } from './roles.schema.js';
import { RolesRepository } from './roles.repository.js';

export interface RoleView {
  key: string;
  name: string;
  builtIn: boolean;
  permissions: string[];
}

/**
 * A tenant's roles: the built-in ones (read-only) and its custom roles. Nobody can put a
 * permission into a role that they do not hold themselves.
 */
@Injectable()
export class RolesAdminService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly roles: RolesRepository,
    private readonly accounts: AccountsRepository,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  async list(space: string): Promise<RoleView[]> {
    const custom = await this.database.withTenant(space, (tx) => this.roles.list(tx, space));
    const builtIn = BUILT_IN_ROLES.filter((r) => r !== 'operator').map((r) => ({
      key: r,
      name: r,
      builtIn: true,
      permissions: [...builtInPermissions(r)],
    }));
    return [...builtIn, ...custom.map(toView)];
  }

  async create(
    space: string,
    callerPermissions: readonly string[],
    input: CreateRoleInput,
  ): Promise<RoleView> {
    if (isBuiltInRole(input.key)) {
      throw new ConflictError(ROLE_ERRORS.roleReserved, `${input.key} is a built-in role`);
    }
    assertGrantable(callerPermissions, input.permissions);
    const now = this.clock.now();
    try {
      const row = await this.database.withTenant(space, (tx) =>
        this.roles.insert(tx, {
          id: newId(),
          tenantId: space,
          key: input.key,
          name: input.name,
          permissions: input.permissions,
          createdAt: now,
          updatedAt: now,
        }),
      );
      return toView(row);
    } catch (err) {
      if (isUniqueViolation(err, 'custom_roles_tenant_key_uq')) {
        throw new ConflictError(ROLE_ERRORS.roleExists, `A role ${input.key} already exists`);
      }
      throw err;
    }
  }

  async update(space: string, callerPermissions: readonly string[], key: string, input: UpdateRoleInput) {
    if (input.permissions) assertGrantable(callerPermissions, input.permissions);
    const row = await this.database.withTenant(space, (tx) =>
      this.roles.update(tx, space, key, { ...input, updatedAt: this.clock.now() }),
    );
    if (!row) throw roleNotFound(key);
    return toView(row);
  }

  /** Deletes a custom role nobody holds; a role still granted is a 409. */
  async remove(space: string, key: string): Promise<void> {
    await this.database.withTenant(space, async (tx) => {
      if ((await this.accounts.countGrantsOfRole(tx, space, key)) > 0) {
        throw new ConflictError(ROLE_ERRORS.roleInUse, `The role ${key} is still granted; revoke it first`);
      }
      if (!(await this.roles.delete(tx, space, key))) throw roleNotFound(key);
    });
  }
}

/** 403 `AUTH_PERMISSION_NOT_GRANTABLE` unless the caller holds every one of `permissions`. */
export function assertGrantable(callerPermissions: readonly string[], permissions: readonly string[]): void {
  const missing = missingPermissions(callerPermissions, permissions);
  if (missing.length > 0) {
    throw new ForbiddenError(
      ROLE_ERRORS.permissionNotGrantable,
      `You cannot grant permissions you do not hold: ${missing.join(', ')}`,
      { missing },
    );
  }
}

export function roleNotFound(key: string): NotFoundError {
  return new NotFoundError(ROLE_ERRORS.roleNotFound, `No role ${key}`, { key });
}

function toView(row: CustomRoleRow): RoleView {
  return { key: row.key, name: row.name, builtIn: false, permissions: row.permissions };
}
