import { pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';

export const brands = pgTable(
  'brands',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [unique('brands_tenant_slug_uq').on(t.tenantId, t.slug), tenantIsolation()],
).enableRLS();

export type BrandRow = typeof brands.$inferSelect;
