import { sql } from 'drizzle-orm';
import { check, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { timestamptz } from '../db/timestamptz.column.js';

/**
 * The VAPID key pair generated on first start when none is configured (embedded mode). One row:
 * browsers bind subscriptions to the public key, so it must survive restarts. A platform table.
 */
export const vapidKeys = pgTable(
  'vapid_keys',
  {
    id: smallint('id').primaryKey(),
    publicKey: text('public_key').notNull(),
    privateKey: text('private_key').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [check('vapid_keys_single_row_ck', sql`${t.id} = 1`)],
);
