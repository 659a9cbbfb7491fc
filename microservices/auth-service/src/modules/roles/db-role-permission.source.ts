import { BUILT_IN_ROLE_PERMISSIONS, type RolePermissionSource } from '@haat/auth';
import type { Database } from '@haat/database';
import { and, eq, inArray } from 'drizzle-orm';
import { PLATFORM_SPACE } from '../../infrastructure/account-space.js';
import { isBuiltInRole } from './role-catalog.js';
import { customRoles } from './roles.schema.js';

const CACHE_MS = 30_000;

/**
 * Roles → permissions for the `PermissionsGuard` when a request carries roles only: the
 * built-in map plus the tenant's custom roles, cached briefly per tenant and role set.
 */
export class DbRolePermissionSource implements RolePermissionSource {
  private readonly cache = new Map<string, { at: number; permissions: readonly string[] }>();

  constructor(private readonly database: Database) {}

  async permissionsFor(roles: readonly string[], tenantId: string | null): Promise<readonly string[]> {
    const space = tenantId ?? PLATFORM_SPACE;
    const key = `${space}|${[...roles].sort().join(',')}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.permissions;
    const out = new Set<string>();
    for (const r of roles) if (isBuiltInRole(r)) for (const p of BUILT_IN_ROLE_PERMISSIONS[r]) out.add(p);
    const customKeys = roles.filter((r) => !isBuiltInRole(r));
    if (customKeys.length > 0) {
      const rows = await this.database.withTenant(space, (tx) =>
        tx
          .select({ permissions: customRoles.permissions })
          .from(customRoles)
          .where(and(eq(customRoles.tenantId, space), inArray(customRoles.key, customKeys))),
      );
      for (const row of rows) for (const p of row.permissions) out.add(p);
    }
    const permissions = [...out];
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { at: Date.now(), permissions });
    return permissions;
  }
}
