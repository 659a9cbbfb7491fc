import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { warehouses } from '../warehouses/warehouses.schema.js';
import {
  type MovementType,
  type NewStockMovementRow,
  type StockMovementRow,
  stockMovements,
} from './stock.schema.js';

export interface MovementFilters {
  sku?: string;
  warehouseId?: string;
  type?: MovementType;
  from?: Date;
  to?: Date;
  /** Only movements in these vendors' warehouses (warehouses deleted since are no one's). */
  vendorIds?: readonly string[];
  vendorId?: string;
}

const vendorOf = (vendorIds: readonly string[]) =>
  inArray(
    stockMovements.warehouseId,
    // A subquery, not a join: movements outlive their warehouse, which then matches no vendor.
    sql`(select ${warehouses.id} from ${warehouses} where ${warehouses.tenantId} = ${stockMovements.tenantId} and ${inArray(warehouses.vendorId, [...vendorIds])})`,
  );

/** The only code touching `stock_movements`: an append-only history. */
@Injectable()
export class StockMovementRepository {
  /**
   * The statement appending movements of one tenant, with array parameters however many there
   * are; the ledger sends it along with the levels' update in one round trip.
   */
  insertStatement(tenantId: string, rows: readonly NewStockMovementRow[]): SQL {
    const column = <T>(pick: (r: NewStockMovementRow) => T) => sql.param(rows.map(pick));
    return sql`
      insert into stock_movements (id, tenant_id, sku, warehouse_id, type, on_hand_delta, reserved_delta,
                                   on_hand_after, reserved_after, reason, actor, reference_type, reference_id,
                                   counterpart_warehouse_id)
      select m.id, ${tenantId}::uuid, m.sku, m.warehouse_id, m.type, m.on_hand_delta, m.reserved_delta,
             m.on_hand_after, m.reserved_after, m.reason, m.actor, m.reference_type, m.reference_id,
             m.counterpart_warehouse_id
        from unnest(
          ${column((r) => r.id)}::uuid[], ${column((r) => r.sku)}::text[], ${column((r) => r.warehouseId)}::uuid[],
          ${column((r) => r.type)}::text[], ${column((r) => r.onHandDelta)}::int[],
          ${column((r) => r.reservedDelta)}::int[], ${column((r) => r.onHandAfter)}::int[],
          ${column((r) => r.reservedAfter)}::int[], ${column((r) => r.reason ?? null)}::text[],
          ${column((r) => r.actor)}::text[], ${column((r) => r.referenceType ?? null)}::text[],
          ${column((r) => r.referenceId ?? null)}::text[], ${column((r) => r.counterpartWarehouseId ?? null)}::uuid[]
        ) as m(id, sku, warehouse_id, type, on_hand_delta, reserved_delta, on_hand_after, reserved_after, reason,
               actor, reference_type, reference_id, counterpart_warehouse_id)`;
  }

  /** `limit + 1` movements, newest first, older than `beforeId`. */
  list(
    db: DbExecutor,
    tenantId: string,
    filters: MovementFilters,
    limit: number,
    beforeId?: string,
  ): Promise<StockMovementRow[]> {
    return db
      .select()
      .from(stockMovements)
      .where(
        and(
          eq(stockMovements.tenantId, tenantId),
          ...this.conditions(filters),
          beforeId === undefined ? undefined : lt(stockMovements.id, beforeId),
        ),
      )
      .orderBy(desc(stockMovements.id))
      .limit(limit + 1);
  }

  /** Movements of a period for the stock report, newest first, at most `max`. */
  inPeriod(
    db: DbExecutor,
    tenantId: string,
    filters: MovementFilters,
    max: number,
  ): Promise<StockMovementRow[]> {
    return db
      .select()
      .from(stockMovements)
      .where(and(eq(stockMovements.tenantId, tenantId), ...this.conditions(filters)))
      .orderBy(desc(stockMovements.id))
      .limit(max);
  }

  private conditions(f: MovementFilters) {
    return [
      f.sku ? eq(stockMovements.sku, f.sku) : undefined,
      f.warehouseId ? eq(stockMovements.warehouseId, f.warehouseId) : undefined,
      f.type ? eq(stockMovements.type, f.type) : undefined,
      f.from ? gte(stockMovements.createdAt, f.from) : undefined,
      f.to ? lt(stockMovements.createdAt, f.to) : undefined,
      f.vendorIds ? vendorOf(f.vendorIds) : undefined,
      f.vendorId ? vendorOf([f.vendorId]) : undefined,
    ];
  }
}
