import { sql } from 'drizzle-orm';
import { pgPolicy } from 'drizzle-orm/pg-core';

/**
 * The row-level security policy of a tenant-owned table: a row is visible and writable only
 * when its `tenant_id` equals the transaction's `app.tenant_id`. Without the setting nothing is
 * visible. Use in a table's extra config: `(t) => [tenantIsolation()]` plus `.enableRLS()`.
 */
export function tenantIsolation(column = 'tenant_id') {
  const cond = sql`${sql.identifier(column)} = nullif(current_setting('app.tenant_id', true), '')::uuid`;
  return pgPolicy('tenant_isolation', {
    as: 'permissive',
    for: 'all',
    to: 'public',
    using: cond,
    withCheck: cond,
  });
}
