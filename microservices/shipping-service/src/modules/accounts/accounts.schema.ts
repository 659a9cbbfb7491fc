import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';

export const COURIERS = ['pathao', 'steadfast'] as const;
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A tenant's (or one vendor's) merchant account with a courier. Credentials are sealed with
 * AES-256-GCM (`credential.cipher.ts`), bound to tenant and account id as associated data;
 * `settings` holds what is not secret (Pathao stores per warehouse). One account per courier
 * per vendor (`vendor_id` null: the tenant's own, used for vendors without one).
 */
export const courierAccounts = pgTable(
  'courier_accounts',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    vendorId: uuid('vendor_id'),
    /** `vendor_id`, or the nil uuid for the tenant's own: one key for the unique constraint. */
    ownerKey: uuid('owner_key')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(vendor_id, '00000000-0000-0000-0000-000000000000'::uuid)`),
    courier: text('courier', { enum: COURIERS }).notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Lower first when a vendor has accounts with several couriers. */
    priority: integer('priority').notNull().default(100),
    sealedCredentials: text('sealed_credentials').notNull(),
    keyId: text('key_id').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('courier_accounts_owner_courier_key').on(t.tenantId, t.ownerKey, t.courier),
    index('courier_accounts_tenant_vendor_idx').on(t.tenantId, t.vendorId, t.priority),
    tenantIsolation(),
  ],
).enableRLS();

export type CourierAccountRow = typeof courierAccounts.$inferSelect;
