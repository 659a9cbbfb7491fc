import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { PAYMENT_METHODS } from '../intents/intents.schema.js';

/**
 * A tenant's account with one provider: mode (sandbox by default) and its credentials sealed with
 * AES-256-GCM (`credential.cipher.ts`), bound to tenant and provider as associated data.
 */
export const providerAccounts = pgTable(
  'provider_accounts',
  {
    tenantId: uuid('tenant_id').notNull(),
    provider: text('provider', { enum: PAYMENT_METHODS }).notNull(),
    mode: text('mode', { enum: ['sandbox', 'live'] }).notNull(),
    enabled: boolean('enabled').notNull(),
    sealedCredentials: text('sealed_credentials').notNull(),
    keyId: text('key_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'provider_accounts_pkey', columns: [t.tenantId, t.provider] }),
    index('provider_accounts_key_idx').on(t.tenantId, t.keyId),
    tenantIsolation(),
  ],
).enableRLS();

export type ProviderAccountRow = typeof providerAccounts.$inferSelect;
