import type { Tx } from '@haat/database';
import { sql } from 'drizzle-orm';

/**
 * The tenant notifications for platform accounts (operators, whose events carry no tenant) are
 * filed under: the nil UUID, so they live under row-level security like every other tenant's.
 */
export const PLATFORM_TENANT_ID = '00000000-0000-0000-0000-000000000000';

/** The tenant a context's rows belong to: its own, or the platform's when it has none. */
export function tenantOf(ctx: { tenantId: string | null }): string {
  return ctx.tenantId ?? PLATFORM_TENANT_ID;
}

/**
 * Scopes the rest of `tx` to `tenantId` for row-level security. Consumers need it when the
 * envelope carried no tenant (their transaction then has none set).
 */
export async function scopeToTenant(tx: Tx, tenantId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
}
