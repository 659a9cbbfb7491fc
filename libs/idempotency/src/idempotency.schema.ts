import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';

/** The `app.*` setting that lets the purge job see and delete expired keys of every tenant. */
export const PURGE_SETTING = 'app.idempotency_purge';

// Purging is a platform job that knows no tenant, yet FORCE ROW LEVEL SECURITY hides every row
// without one. These policies admit only expired rows, and only in a transaction that opted in.
const purging = sql`current_setting(${sql.raw(`'${PURGE_SETTING}'`)}, true) = 'on'`;

/**
 * One `Idempotency-Key` per tenant, client and key: the primary key is the lock that lets exactly
 * one of several concurrent requests run the handler. Include this table in the drizzle-kit
 * schema of every service that uses `@Idempotent()`.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** The tenant, or the nil UUID for platform-scope requests. */
    tenantId: uuid('tenant_id').notNull(),
    /** The user id, or `anonymous`. */
    clientId: text('client_id').notNull(),
    key: text('key').notNull(),
    /** Hex SHA-256 of method, path and body. */
    fingerprint: text('fingerprint').notNull(),
    status: text('status', { enum: ['in_progress', 'completed'] }).notNull(),
    /** Who runs the handler now: completing or releasing the key requires it (a takeover changes it). */
    attemptId: uuid('attempt_id').notNull(),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    /** The body as JSON text, so a replay sends the same bytes (jsonb would reorder keys). */
    responseBody: text('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When the current attempt started; an in-progress row older than the stale timeout may be taken over. */
    lockedAt: timestamp('locked_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pkey', columns: [t.tenantId, t.clientId, t.key] }),
    // The purge job deletes across tenants by expiry, so this index does not lead with tenant_id.
    index('idempotency_keys_expires_at_idx').on(t.expiresAt),
    check('idempotency_keys_status_check', sql`${t.status} in ('in_progress', 'completed')`),
    check('idempotency_keys_key_check', sql`char_length(${t.key}) between 1 and 255`),
    check(
      'idempotency_keys_completed_check',
      sql`${t.status} = 'in_progress' or (${t.responseStatus} is not null and ${t.completedAt} is not null)`,
    ),
    tenantIsolation(),
    pgPolicy('idempotency_purge_select', {
      as: 'permissive',
      for: 'select',
      to: 'public',
      using: sql`${purging} and ${t.expiresAt} < now()`,
    }),
    pgPolicy('idempotency_purge_delete', {
      as: 'permissive',
      for: 'delete',
      to: 'public',
      using: sql`${purging} and ${t.expiresAt} < now()`,
    }),
  ],
).enableRLS();

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
