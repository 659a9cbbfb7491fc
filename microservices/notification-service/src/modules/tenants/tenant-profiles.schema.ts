import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/timestamptz.column.js';

/** What notifications need to know of a tenant (its name and default language), fed by tenant events. */
export const tenantProfiles = pgTable(
  'tenant_profiles',
  {
    tenantId: uuid('tenant_id').primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    defaultLocale: text('default_locale').notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  () => [tenantIsolation()],
).enableRLS();

export type TenantProfileRow = typeof tenantProfiles.$inferSelect;
