import type { RequestContext } from '@haat/tenant';
import type { RolePermissionSource } from './role-permission.source.js';

/** The role of platform-internal work (relays, consumers, service-to-service calls). */
export const SYSTEM_ROLE = 'system';

/** Who is acting, from the verified request context, with the permissions they hold. */
export interface Identity {
  kind: 'user' | 'system';
  /** Null for the platform itself. */
  userId: string | null;
  tenantId: string | null;
  roles: readonly string[];
  /** The signed permissions, or when the gateway signed roles only, those roles' permissions. */
  permissions: readonly string[];
}

/**
 * The identity of `ctx`, or null for an anonymous caller (no user and not the platform).
 * The gateway normally signs the resolved permissions; when it signed roles only, `source`
 * expands them.
 */
export async function resolveIdentity(
  ctx: RequestContext | undefined,
  source: RolePermissionSource,
): Promise<Identity | null> {
  if (!ctx) return null;
  const kind = ctx.userId !== null ? 'user' : ctx.roles.includes(SYSTEM_ROLE) ? 'system' : null;
  if (!kind) return null;
  const permissions =
    ctx.permissions.length > 0 ? ctx.permissions : await source.permissionsFor(ctx.roles, ctx.tenantId);
  return { kind, userId: ctx.userId, tenantId: ctx.tenantId, roles: ctx.roles, permissions };
}
