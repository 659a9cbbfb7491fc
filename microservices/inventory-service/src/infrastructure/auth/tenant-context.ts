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

/** Who a movement is recorded against: the signed-in user, or `system` for the platform's own work. */
export function actorOf(ctx: RequestContext): string {
  return ctx.userId ?? 'system';
}
