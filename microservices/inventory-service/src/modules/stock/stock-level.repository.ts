import { Injectable } from '@nestjs/common';
import type { DbExecutor, Tx } from '@haat/database';
import { and, asc, eq, gt, inArray, or, type SQL, sql } from 'drizzle-orm';
import { warehouses } from '../warehouses/warehouses.schema.js';
import { stockLevels } from './stock.schema.js';

/** The net change of one level in one transaction; `insert` when the level does not exist yet. */
export interface LevelWrite {
  warehouseId: string;
  sku: string;
  onHandDelta: number;
  reservedDelta: number;
  insert: boolean;
}

export interface LevelAfter {
  onHand: number;
  reserved: number;
}

/** A stock level with the facts of its warehouse. */
export interface LevelWithWarehouse {
  warehouseId: string;
  sku: string;
  onHand: number;
  reserved: number;
  updatedAt: Date;
  vendorId: string | null;
  active: boolean;
  latitude: number | null;
  longitude: number | null;
}

export interface LevelFilters {
  sku?: string;
  warehouseId?: string;
  vendorIds?: readonly string[];
}

const withWarehouse = {
  warehouseId: stockLevels.warehouseId,
  sku: stockLevels.sku,
  onHand: stockLevels.onHand,
  reserved: stockLevels.reserved,
  updatedAt: stockLevels.updatedAt,
  vendorId: warehouses.vendorId,
  active: warehouses.active,
  latitude: warehouses.latitude,
  longitude: warehouses.longitude,
};

/** The only code touching `stock_levels`. */
@Injectable()
export class StockLevelRepository {
  /**
   * Writes the net changes of a transaction: new levels are inserted, existing ones updated by
   * their deltas only where the result stays valid (reserved ≥ 0, on hand ≥ reserved) — the
   * database's own guard behind the caller's lock — and `alongside` (the movements, the SKU
   * totals) runs in the same statement. Returns how many existing levels were updated; fewer
   * than asked means one would have gone invalid and nothing may be committed.
   */
  async write(
    tx: Tx,
    tenantId: string,
    writes: readonly LevelWrite[],
    alongside: readonly SQL[] = [],
  ): Promise<number> {
    const inserts = writes.filter((w) => w.insert);
    const updates = writes.filter((w) => !w.insert);
    if (inserts.length > 0) {
      await tx.insert(stockLevels).values(
        inserts.map((w) => ({
          tenantId,
          warehouseId: w.warehouseId,
          sku: w.sku,
          onHand: w.onHandDelta,
          reserved: w.reservedDelta,
        })),
      );
    }
    const changed =
      updates.length === 0
        ? sql`select 1 where false`
        : sql`
          update stock_levels as sl
             set on_hand = sl.on_hand + v.d_on, reserved = sl.reserved + v.d_res, updated_at = now()
            from unnest(
              ${sql.param(updates.map((w) => w.warehouseId))}::uuid[],
              ${sql.param(updates.map((w) => w.sku))}::text[],
              ${sql.param(updates.map((w) => w.onHandDelta))}::int[],
              ${sql.param(updates.map((w) => w.reservedDelta))}::int[]
            ) as v(warehouse_id, sku, d_on, d_res)
           where sl.tenant_id = ${tenantId}::uuid and sl.warehouse_id = v.warehouse_id and sl.sku = v.sku
             and sl.reserved + v.d_res >= 0 and sl.on_hand + v.d_on >= sl.reserved + v.d_res
          returning 1`;
    // Data-modifying WITH queries all run, referenced or not: one round trip for the whole flush.
    const others = alongside.map((statement, i) => sql`, ${sql.raw(`alongside_${i}`)} as (${statement})`);
    const result = await tx.execute<{ updated: number }>(
      sql`with changed as (${changed})${sql.join(others)} select count(*)::int as updated from changed`,
    );
    return Number(result.rows[0]?.updated ?? 0);
  }

  /** Every level of these SKUs with its warehouse's facts (what a stock session works on). */
  ofSkus(tx: DbExecutor, tenantId: string, codes: readonly string[]): Promise<LevelWithWarehouse[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return tx
      .select(withWarehouse)
      .from(stockLevels)
      .innerJoin(
        warehouses,
        and(eq(warehouses.tenantId, stockLevels.tenantId), eq(warehouses.id, stockLevels.warehouseId)),
      )
      .where(and(eq(stockLevels.tenantId, tenantId), inArray(stockLevels.sku, [...codes])));
  }

  /** The levels of these SKUs with free units in active warehouses: what a reservation may take. */
  reservable(tx: DbExecutor, tenantId: string, codes: readonly string[]): Promise<LevelWithWarehouse[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return tx
      .select(withWarehouse)
      .from(stockLevels)
      .innerJoin(
        warehouses,
        and(eq(warehouses.tenantId, stockLevels.tenantId), eq(warehouses.id, stockLevels.warehouseId)),
      )
      .where(
        and(
          eq(stockLevels.tenantId, tenantId),
          inArray(stockLevels.sku, [...codes]),
          eq(warehouses.active, true),
          gt(stockLevels.onHand, stockLevels.reserved),
        ),
      );
  }

  /** Every level of one SKU, by warehouse. */
  ofSku(db: DbExecutor, tenantId: string, sku: string): Promise<LevelWithWarehouse[]> {
    return db
      .select(withWarehouse)
      .from(stockLevels)
      .innerJoin(
        warehouses,
        and(eq(warehouses.tenantId, stockLevels.tenantId), eq(warehouses.id, stockLevels.warehouseId)),
      )
      .where(and(eq(stockLevels.tenantId, tenantId), eq(stockLevels.sku, sku)))
      .orderBy(asc(stockLevels.warehouseId));
  }

  /** `limit + 1` levels after `(afterSku, afterWarehouseId)`, by SKU then warehouse. */
  list(
    db: DbExecutor,
    tenantId: string,
    filters: LevelFilters,
    limit: number,
    after?: { sku: string; warehouseId: string },
  ): Promise<LevelWithWarehouse[]> {
    return db
      .select(withWarehouse)
      .from(stockLevels)
      .innerJoin(
        warehouses,
        and(eq(warehouses.tenantId, stockLevels.tenantId), eq(warehouses.id, stockLevels.warehouseId)),
      )
      .where(
        and(
          eq(stockLevels.tenantId, tenantId),
          filters.sku ? eq(stockLevels.sku, filters.sku) : undefined,
          filters.warehouseId ? eq(stockLevels.warehouseId, filters.warehouseId) : undefined,
          filters.vendorIds ? inArray(warehouses.vendorId, [...filters.vendorIds]) : undefined,
          after
            ? or(
                gt(stockLevels.sku, after.sku),
                and(eq(stockLevels.sku, after.sku), gt(stockLevels.warehouseId, after.warehouseId)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(stockLevels.sku), asc(stockLevels.warehouseId))
      .limit(limit + 1);
  }

  /** What a warehouse still holds: any reserved units, any units on hand. */
  async holdings(
    tx: Tx,
    tenantId: string,
    warehouseId: string,
  ): Promise<{ reserved: number; onHand: number }> {
    const [row] = await tx
      .select({
        onHand: sql<number>`coalesce(sum(${stockLevels.onHand}), 0)::int`,
        reserved: sql<number>`coalesce(sum(${stockLevels.reserved}), 0)::int`,
      })
      .from(stockLevels)
      .where(and(eq(stockLevels.tenantId, tenantId), eq(stockLevels.warehouseId, warehouseId)));
    return { onHand: Number(row?.onHand ?? 0), reserved: Number(row?.reserved ?? 0) };
  }

  /** Removes a warehouse's empty levels (all units gone); levels still holding units stay. */
  async deleteEmpty(tx: Tx, tenantId: string, warehouseId: string): Promise<void> {
    await tx
      .delete(stockLevels)
      .where(
        and(
          eq(stockLevels.tenantId, tenantId),
          eq(stockLevels.warehouseId, warehouseId),
          eq(stockLevels.onHand, 0),
          eq(stockLevels.reserved, 0),
        ),
      );
  }
}
