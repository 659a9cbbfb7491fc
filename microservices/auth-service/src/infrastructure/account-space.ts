import { ForbiddenError } from '@haat/common';
import type { RequestContext } from '@haat/tenant';

/**
 * The `tenant_id` under which platform accounts (operators) and everything they own are stored.
 * Keeping operators in the same tables, under row-level security, means one code path; the
 * value never leaves auth-service: tokens and events say `tenant: null` for it.
 */
export const PLATFORM_SPACE = '00000000-0000-0000-0000-000000000000';

/** The account space of a tenant-scoped request: its tenant. */
export function tenantSpace(ctx: RequestContext): string {
  if (!ctx.tenantId) throw new ForbiddenError('TENANT_REQUIRED', 'This endpoint needs a tenant');
  return ctx.tenantId;
}

/** The tenant as the rest of the platform sees it: null for the platform space. */
export function publicTenant(space: string): string | null {
  return space === PLATFORM_SPACE ? null : space;
}
