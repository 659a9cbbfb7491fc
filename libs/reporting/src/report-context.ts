import type { RequestContext, TenantContext } from '@haat/tenant';
import { reportTenantRequired } from './report.errors.js';

/** `ctx` narrowed to a tenant, or 403 `REPORT_TENANT_REQUIRED`. */
export function requireTenant(ctx: RequestContext): TenantContext {
  if (!ctx.tenantId) throw reportTenantRequired();
  return { ...ctx, tenantId: ctx.tenantId };
}
