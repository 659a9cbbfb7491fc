import type { Permission } from './permission.schema.js';
import { BUILT_IN_ROLE_PERMISSIONS } from './built-in-roles.js';

/**
 * Resolves roles to permissions when the signed headers carry roles only. The default is the
 * static map of built-in roles; auth-service will provide one that knows each tenant's custom
 * roles. Unknown roles grant nothing.
 */
export interface RolePermissionSource {
  permissionsFor(roles: readonly string[], tenantId: string | null): Promise<readonly string[]>;
}

/** Injection token of the `RolePermissionSource` the `PermissionsGuard` uses. */
export const ROLE_PERMISSION_SOURCE = Symbol.for('haat.role-permission-source');

/** A fixed role → permissions map (by default the built-in roles), the same for every tenant. */
export class StaticRolePermissionSource implements RolePermissionSource {
  constructor(
    private readonly map: Readonly<Record<string, readonly Permission[]>> = BUILT_IN_ROLE_PERMISSIONS,
  ) {}

  async permissionsFor(
    roles: readonly string[],
    _tenantId: string | null = null,
  ): Promise<readonly string[]> {
    const out = new Set<string>();
    for (const role of roles) {
      if (Object.hasOwn(this.map, role)) for (const p of this.map[role] ?? []) out.add(p);
    }
    return [...out];
  }
}
