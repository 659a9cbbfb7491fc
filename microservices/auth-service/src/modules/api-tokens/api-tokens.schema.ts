import { tenantIsolation } from '@haat/database';
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../infrastructure/db/columns.js';
import { accounts } from '../accounts/accounts.schema.js';

/** Integrators' tokens: scoped to permissions (and a vendor), SHA-256 at rest, expiring. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    permissions: text('permissions').array().notNull(),
    vendorId: uuid('vendor_id'),
    secretHash: text('secret_hash').notNull(),
    /** The first characters of the token, to recognise it in a list. */
    hint: text('hint').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('api_tokens_account_idx').on(t.tenantId, t.accountId, t.id), tenantIsolation()],
).enableRLS();
export type ApiTokenRow = typeof apiTokens.$inferSelect;
