import { tenantIsolation } from '@haat/database';
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../infrastructure/db/columns.js';

/** A one-time sign-in code sent by SMS or email: only its keyed hash is stored. */
export const otpChallenges = pgTable(
  'otp_challenges',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    destination: text('destination').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    consumedAt: at('consumed_at'),
  },
  (t) => [
    index('otp_challenges_destination_idx').on(t.tenantId, t.destination, t.createdAt),
    tenantIsolation(),
  ],
).enableRLS();
export type OtpChallengeRow = typeof otpChallenges.$inferSelect;
