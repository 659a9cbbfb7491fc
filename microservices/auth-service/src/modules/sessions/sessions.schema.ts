import { tenantIsolation } from '@haat/database';
import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../infrastructure/db/columns.js';
import { accounts } from '../accounts/accounts.schema.js';

export const SESSION_CLIENTS = ['web', 'api'] as const;
export type SessionClient = (typeof SESSION_CLIENTS)[number];

/** One sign-in: a device, its refresh-token family and when it was seen. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    client: text('client', { enum: SESSION_CLIENTS }).notNull(),
    method: text('method', { enum: ['password', 'otp', 'google', 'facebook'] }).notNull(),
    deviceKey: text('device_key').notNull(),
    deviceName: text('device_name'),
    userAgent: text('user_agent'),
    ip: text('ip'),
    firstSeenAt: at('first_seen_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    revokedAt: at('revoked_at'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [index('sessions_account_idx').on(t.tenantId, t.accountId, t.id), tenantIsolation()],
).enableRLS();
export type SessionRow = typeof sessions.$inferSelect;

export const REFRESH_TOKEN_STATUSES = ['active', 'rotated', 'revoked'] as const;

/** Opaque refresh tokens (SHA-256 at rest); one family per session, rotated on every use. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    status: text('status', { enum: REFRESH_TOKEN_STATUSES }).notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    rotatedAt: at('rotated_at'),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash_uq').on(t.tenantId, t.tokenHash),
    index('refresh_tokens_session_idx').on(t.tenantId, t.sessionId),
    tenantIsolation(),
  ],
).enableRLS();
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

/** Devices an account has signed in from, to tell a new device from a known one. */
export const knownDevices = pgTable(
  'known_devices',
  {
    tenantId: uuid('tenant_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    deviceKey: text('device_key').notNull(),
    firstSeenAt: at('first_seen_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'known_devices_pk', columns: [t.tenantId, t.accountId, t.deviceKey] }),
    tenantIsolation(),
  ],
).enableRLS();

/**
 * Revoked sessions whose access tokens may still be alive, across all tenants: what the gateway
 * reads at start-up to fill its revocation cache. Rows older than the access-token lifetime are
 * pruned. A platform table (the gateway asks for every tenant at once).
 */
export const sessionRevocations = pgTable(
  'session_revocations',
  {
    sessionId: uuid('session_id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    revokedAt: at('revoked_at').notNull(),
    accessTokensValidUntil: at('access_tokens_valid_until').notNull(),
  },
  (t) => [index('session_revocations_revoked_at_idx').on(t.revokedAt)],
);
