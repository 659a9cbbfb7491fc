import { tenantIsolation } from '@haat/database';
import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../infrastructure/db/columns.js';

/** Failure counters of login, OTP and reset, per account, per account and IP, per IP. */
export const authThrottles = pgTable(
  'auth_throttles',
  {
    tenantId: uuid('tenant_id').notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull(),
    windowStartedAt: at('window_started_at').notNull(),
    lockedUntil: at('locked_until'),
  },
  (t) => [primaryKey({ name: 'auth_throttles_pk', columns: [t.tenantId, t.key] }), tenantIsolation()],
).enableRLS();
export type AuthThrottleRow = typeof authThrottles.$inferSelect;
