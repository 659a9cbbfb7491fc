import { sql } from 'drizzle-orm';
import type { Tx } from '@haat/database';

/**
 * Makes row-level security admit `tenantId`'s rows for the rest of `tx`, as `withTenant` does
 * on entry: for platform jobs that work through several tenants in one transaction.
 */
export async function switchTenant(tx: Tx, tenantId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
}
