import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';

/** A postal address, as entered. */
export interface WarehouseAddress {
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode?: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/**
 * A place stock is kept. Owned by a vendor (`vendor_id`), or by the marketplace itself when
 * null. Coordinates choose the nearest warehouse for a reservation; an inactive warehouse keeps
 * its stock but never serves a reservation.
 */
export const warehouses = pgTable(
  'warehouses',
  {
    id: uuid('id').notNull(),
    tenantId: uuid('tenant_id').notNull(),
    vendorId: uuid('vendor_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    address: jsonb('address').$type<WarehouseAddress>().notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'warehouses_pkey', columns: [t.tenantId, t.id] }),
    unique('warehouses_code_uq').on(t.tenantId, t.code),
    index('warehouses_vendor_idx').on(t.tenantId, t.vendorId, t.id),
    check(
      'warehouses_coordinates_ck',
      sql`(${t.latitude} is null) = (${t.longitude} is null) and coalesce(${t.latitude} between -90 and 90, true) and coalesce(${t.longitude} between -180 and 180, true)`,
    ),
    tenantIsolation(),
  ],
).enableRLS();

export type WarehouseRow = typeof warehouses.$inferSelect;
export type NewWarehouseRow = typeof warehouses.$inferInsert;
