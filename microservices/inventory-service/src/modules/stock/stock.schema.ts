import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { warehouses } from '../warehouses/warehouses.schema.js';

export const MOVEMENT_TYPES = [
  'receipt',
  'adjustment',
  'reservation',
  'commit',
  'release',
  'return',
  'transfer',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/**
 * The SKUs this tenant stocks (created on first receipt; later also fed by catalog events). The
 * row is the SKU's lock: every transaction changing its stock locks it first (`FOR UPDATE`, in
 * SKU order), which serialises the SKU's changes and keeps the totals and alert flags exact.
 * `on_hand`/`reserved` are the totals over all warehouses as of the last change.
 */
export const skus = pgTable(
  'skus',
  {
    tenantId: uuid('tenant_id').notNull(),
    sku: text('sku').notNull(),
    vendorId: uuid('vendor_id'),
    productId: uuid('product_id'),
    variantId: uuid('variant_id'),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    lowStockThreshold: integer('low_stock_threshold'),
    /** Available is at or below the threshold and `inventory.low-stock.v1` was emitted for it. */
    lowStock: boolean('low_stock').notNull().default(false),
    /** Moving average cost of a unit, for valuation. */
    unitCostMinor: bigint('unit_cost_minor', { mode: 'bigint' }),
    costCurrency: text('cost_currency'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'skus_pkey', columns: [t.tenantId, t.sku] }),
    index('skus_vendor_idx').on(t.tenantId, t.vendorId, t.sku),
    index('skus_low_stock_idx')
      .on(t.tenantId, t.sku)
      .where(sql`${t.lowStock}`),
    check('skus_totals_ck', sql`${t.reserved} >= 0 and ${t.onHand} >= ${t.reserved}`),
    check('skus_threshold_ck', sql`${t.lowStockThreshold} is null or ${t.lowStockThreshold} >= 0`),
    check(
      'skus_cost_ck',
      sql`(${t.unitCostMinor} is null) = (${t.costCurrency} is null) and coalesce(${t.unitCostMinor} >= 0, true)`,
    ),
    tenantIsolation(),
  ],
).enableRLS();

/**
 * Units of one SKU in one warehouse. The checks are the last line against overselling: reserved
 * never exceeds on hand, so available (`on_hand - reserved`) is never below zero.
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    tenantId: uuid('tenant_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    sku: text('sku').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'stock_levels_pkey', columns: [t.tenantId, t.warehouseId, t.sku] }),
    index('stock_levels_sku_idx').on(t.tenantId, t.sku, t.warehouseId),
    foreignKey({
      name: 'stock_levels_warehouse_fk',
      columns: [t.tenantId, t.warehouseId],
      foreignColumns: [warehouses.tenantId, warehouses.id],
    }),
    foreignKey({
      name: 'stock_levels_sku_fk',
      columns: [t.tenantId, t.sku],
      foreignColumns: [skus.tenantId, skus.sku],
    }),
    check('stock_levels_reserved_ck', sql`${t.reserved} >= 0`),
    check('stock_levels_available_ck', sql`${t.onHand} >= ${t.reserved}`),
    tenantIsolation(),
  ],
).enableRLS();

/**
 * Every change of a stock level, with the level after it: the SKU's history. Kept when the
 * warehouse is deleted (no foreign key). Ids are UUIDv7, so they sort by time.
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: uuid('id').notNull(),
    tenantId: uuid('tenant_id').notNull(),
    sku: text('sku').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    type: text('type', { enum: MOVEMENT_TYPES }).notNull(),
    onHandDelta: integer('on_hand_delta').notNull(),
    reservedDelta: integer('reserved_delta').notNull(),
    onHandAfter: integer('on_hand_after').notNull(),
    reservedAfter: integer('reserved_after').notNull(),
    reason: text('reason'),
    /** The user who caused it, or `system`. */
    actor: text('actor').notNull(),
    /** `order`, `reservation`, `transfer`, `receipt`…, and its id. */
    referenceType: text('reference_type'),
    referenceId: text('reference_id'),
    /** The other warehouse of a transfer. */
    counterpartWarehouseId: uuid('counterpart_warehouse_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'stock_movements_pkey', columns: [t.tenantId, t.id] }),
    index('stock_movements_sku_idx').on(t.tenantId, t.sku, t.id),
    index('stock_movements_created_idx').on(t.tenantId, t.createdAt),
    check(
      'stock_movements_type_ck',
      sql`${t.type} in (${sql.raw(MOVEMENT_TYPES.map((m) => `'${m}'`).join(', '))})`,
    ),
    tenantIsolation(),
  ],
).enableRLS();

export type SkuRow = typeof skus.$inferSelect;
export type StockLevelRow = typeof stockLevels.$inferSelect;
export type StockMovementRow = typeof stockMovements.$inferSelect;
export type NewStockMovementRow = typeof stockMovements.$inferInsert;
