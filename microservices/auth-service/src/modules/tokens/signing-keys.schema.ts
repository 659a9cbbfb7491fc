import { index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { at } from '../../infrastructure/db/columns.js';

/**
 * Access-token signing keys. A platform table (keys sign for every tenant). The private key is
 * AES-256-GCM encrypted under the key-encryption key; one key is `active` (signs), retired
 * keys stay in the JWKS until `verify_until`, when no token they signed is still valid.
 */
export const signingKeys = pgTable(
  'signing_keys',
  {
    kid: text('kid').primaryKey(),
    alg: text('alg').notNull(),
    publicJwk: jsonb('public_jwk').$type<Record<string, string>>().notNull(),
    privateKeyEncrypted: text('private_key_encrypted').notNull(),
    status: text('status', { enum: ['active', 'retired'] }).notNull(),
    createdAt: at('created_at').notNull(),
    retiredAt: at('retired_at'),
    verifyUntil: at('verify_until'),
  },
  (t) => [
    // At most one signing key: two instances rotating at once cannot both win.
    uniqueIndex('signing_keys_one_active_uq')
      .on(t.status)
      .where(sql`status = 'active'`),
    index('signing_keys_verify_until_idx').on(t.verifyUntil),
  ],
);
export type SigningKeyRow = typeof signingKeys.$inferSelect;
