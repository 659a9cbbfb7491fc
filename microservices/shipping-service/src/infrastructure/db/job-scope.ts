import { sql } from 'drizzle-orm';
import type { Tx } from '@haat/database';

/** The setting that lets the platform's shipping jobs see every tenant's shipments (policy `shipments_jobs_*`). */
export const JOBS_SETTING = 'app.shipping_jobs';

/** Opens the jobs' cross-tenant view of `shipments` for the rest of `tx`. */
export async function enterJobScope(tx: Tx): Promise<void> {
  await tx.execute(sql`select set_config(${JOBS_SETTING}, 'on', true)`);
}

/** Makes row-level security admit `tenantId`'s rows for the rest of `tx` (as `withTenant` does). */
export async function switchTenant(tx: Tx, tenantId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
}
