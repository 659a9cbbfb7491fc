import { boolean, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.schema.js';

/**
 * Feature toggles per tenant. A platform table (host resolution reads every tenant's toggles);
 * the repository scopes every tenant-facing query by `tenant_id`.
 */
export const tenantFeatures = pgTable(
  'tenant_features',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    feature: text('feature').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'tenant_features_pk', columns: [t.tenantId, t.feature] })],
);

export type TenantFeatureRow = typeof tenantFeatures.$inferSelect;
