import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';
import { vendors } from './vendors.schema.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Opening hours per weekday (`HH:MM`, local time of the tenant); a missing day is closed. */
export type BusinessHours = Partial<Record<Weekday, { open: string; close: string }>>;

/** A vendor's storefront settings: one row per vendor. */
export const vendorStores = pgTable(
  'vendor_stores',
  {
    vendorId: uuid('vendor_id')
      .primaryKey()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id').notNull(),
    name: text('name').notNull(),
    /** The store's address in the storefront (`/stores/<slug>`), unique per tenant. */
    slug: text('slug').notNull(),
    /** media-service asset ids. */
    logoMediaId: uuid('logo_media_id'),
    bannerMediaId: uuid('banner_media_id'),
    description: text('description'),
    returnPolicy: text('return_policy'),
    shippingPolicy: text('shipping_policy'),
    supportEmail: text('support_email'),
    supportPhone: text('support_phone'),
    businessHours: jsonb('business_hours').$type<BusinessHours>().notNull().default({}),
    /** Closed for a while: the products are hidden (announced as `canSell: false`). */
    holidayMode: boolean('holiday_mode').notNull().default(false),
    holidayMessage: text('holiday_message'),
    /** inventory-service warehouse the vendor ships from by default. */
    defaultWarehouseId: uuid('default_warehouse_id'),
    /** Working days between an order and its hand-over to the courier. */
    handlingTimeDays: integer('handling_time_days').notNull().default(2),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('vendor_stores_tenant_slug_uq').on(t.tenantId, t.slug),
    check('vendor_stores_handling_time_ck', sql`${t.handlingTimeDays} between 0 and 30`),
    tenantIsolation(),
  ],
).enableRLS();

export type VendorStoreRow = typeof vendorStores.$inferSelect;
export type NewVendorStoreRow = typeof vendorStores.$inferInsert;
