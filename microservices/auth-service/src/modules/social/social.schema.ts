import { tenantIsolation } from '@haat/database';
import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../infrastructure/db/columns.js';

/** A social sign-in in progress: `state` (hashed), `nonce` and the PKCE verifier, used once. */
export const socialLoginAttempts = pgTable(
  'social_login_attempts',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    provider: text('provider', { enum: ['google', 'facebook'] }).notNull(),
    stateHash: text('state_hash').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    consumedAt: at('consumed_at'),
  },
  (t) => [uniqueIndex('social_login_attempts_state_uq').on(t.tenantId, t.stateHash), tenantIsolation()],
).enableRLS();
