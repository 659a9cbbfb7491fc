import { tenantIsolation } from '@haat/database';
import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../infrastructure/db/columns.js';

/** A tenant's own role: a name for a set of permissions, next to the built-in roles. */
export const customRoles = pgTable(
  'custom_roles',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    /** `packer`, `support-lead`: unique in the tenant, never a built-in role's name. */
    key: text('key').notNull(),
    name: text('name').notNull(),
    permissions: text('permissions').array().notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('custom_roles_tenant_key_uq').on(t.tenantId, t.key), tenantIsolation()],
).enableRLS();
export type CustomRoleRow = typeof customRoles.$inferSelect;
