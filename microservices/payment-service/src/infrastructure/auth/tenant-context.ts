import { ForbiddenError } from '@haat/common';
import type { RequestContext, TenantContext } from '@haat/tenant';

/**
 * Narrows a verified context to one with a tenant. The global guard already refuses tenantless
 * calls to tenant routes; this makes the type say so and fails closed if a route forgot.
 */
export function tenantContext(ctx: RequestContext): TenantContext {
  if (!ctx.tenantId) throw new ForbiddenError('TENANT_REQUIRED', 'This endpoint needs a tenant');
  return ctx as TenantContext;
}

const STAFF_ROLES = new Set(['operator', 'tenant_owner', 'tenant_staff', 'system']);

/** Staff see every payment of the tenant; anyone else (a customer) only their own. */
export function seesAllPayments(ctx: RequestContext): boolean {
  return ctx.permissions.includes('*') || ctx.roles.some((r) => STAFF_ROLES.has(r));
}
