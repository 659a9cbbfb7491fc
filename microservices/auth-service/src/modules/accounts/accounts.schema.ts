import { tenantIsolation } from '@haat/database';
import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../infrastructure/db/columns.js';

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;

/**
 * A person's account in one tenant (customers, tenant staff, vendor staff), or on the platform
 * (operators, under the platform account space). The same email in two tenants is two rows.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    /** Lower-cased. */
    email: text('email'),
    emailVerifiedAt: at('email_verified_at'),
    /** E.164 (`+8801712345678`). */
    phone: text('phone'),
    phoneVerifiedAt: at('phone_verified_at'),
    /** argon2id PHC string; null for accounts that sign in by OTP or a social provider only. */
    passwordHash: text('password_hash'),
    passwordChangedAt: at('password_changed_at'),
    displayName: text('display_name'),
    status: text('status', { enum: ACCOUNT_STATUSES }).notNull().default('active'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('accounts_tenant_email_uq').on(t.tenantId, t.email),
    uniqueIndex('accounts_tenant_phone_uq').on(t.tenantId, t.phone),
    index('accounts_tenant_id_idx').on(t.tenantId, t.id),
    tenantIsolation(),
  ],
).enableRLS();
export type AccountRow = typeof accounts.$inferSelect;

/**
 * A role held by an account, in a scope: `tenant` (the whole tenant, or the platform for
 * operators) or `vendor:<id>` (one vendor's store).
 */
export const accountRoles = pgTable(
  'account_roles',
  {
    tenantId: uuid('tenant_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    scope: text('scope').notNull(),
    grantedAt: at('granted_at').notNull(),
    grantedBy: uuid('granted_by'),
  },
  (t) => [
    primaryKey({ name: 'account_roles_pk', columns: [t.tenantId, t.accountId, t.role, t.scope] }),
    index('account_roles_tenant_scope_idx').on(t.tenantId, t.scope),
    tenantIsolation(),
  ],
).enableRLS();
export type AccountRoleRow = typeof accountRoles.$inferSelect;

export const ONE_TIME_TOKEN_PURPOSES = ['email-verification', 'password-reset'] as const;
export type OneTimeTokenPurpose = (typeof ONE_TIME_TOKEN_PURPOSES)[number];

/** Email-verification and password-reset tokens: stored as SHA-256, single use, expiring. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ONE_TIME_TOKEN_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: at('expires_at').notNull(),
    consumedAt: at('consumed_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('one_time_tokens_hash_uq').on(t.tenantId, t.tokenHash),
    index('one_time_tokens_account_idx').on(t.tenantId, t.accountId, t.purpose),
    tenantIsolation(),
  ],
).enableRLS();
export type OneTimeTokenRow = typeof oneTimeTokens.$inferSelect;

/** An account's identity at a social provider, keyed on the provider's stable `sub`/user id. */
export const socialIdentities = pgTable(
  'social_identities',
  {
    tenantId: uuid('tenant_id').notNull(),
    provider: text('provider', { enum: ['google', 'facebook'] }).notNull(),
    subject: text('subject').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    email: text('email'),
    createdAt: at('created_at').notNull(),
    lastUsedAt: at('last_used_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'social_identities_pk', columns: [t.tenantId, t.provider, t.subject] }),
    index('social_identities_account_idx').on(t.tenantId, t.accountId),
    tenantIsolation(),
  ],
).enableRLS();
