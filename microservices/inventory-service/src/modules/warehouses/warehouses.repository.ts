import { Injectable } from '@nestjs/common';
import type { DbExecutor, Tx } from '@haat/database';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { type NewWarehouseRow, type WarehouseRow, warehouses } from './warehouses.schema.js';

export interface WarehouseFilters {
  vendorIds?: readonly string[];
  vendorId?: string;
  active?: boolean;
}

/** The only code touching `warehouses`. */
@Injectable()
export class WarehousesRepository {
  async insert(db: DbExecutor, row: NewWarehouseRow): Promise<WarehouseRow> {
    const [created] = await db.insert(warehouses).values(row).returning();
    return created as WarehouseRow;
  }

  async find(db: DbExecutor, tenantId: string, id: string): Promise<WarehouseRow | undefined> {
    const [row] = await db
      .select()
      .from(warehouses)
      .where(and(eq(warehouses.tenantId, tenantId), eq(warehouses.id, id)));
    return row;
  }

  /** Locks the warehouse against deletion and changes until the transaction ends. */
  async lock(tx: Tx, tenantId: string, id: string): Promise<WarehouseRow | undefined> {
    const [row] = await tx
      .select()
      .from(warehouses)
      .where(and(eq(warehouses.tenantId, tenantId), eq(warehouses.id, id)))
      .for('update');
    return row;
  }

  /** Holds the warehouse as it is (no delete) while stock moves in or out of it. */
  async share(tx: Tx, tenantId: string, ids: readonly string[]): Promise<WarehouseRow[]> {
    if (ids.length === 0) return [];
    return tx
      .select()
      .from(warehouses)
      .where(and(eq(warehouses.tenantId, tenantId), inArray(warehouses.id, [...ids])))
      .orderBy(asc(warehouses.id))
      .for('key share');
  }

  /** `limit + 1` warehouses after `afterId`, oldest first. */
  list(
    db: DbExecutor,
    tenantId: string,
    filters: WarehouseFilters,
    limit: number,
    afterId?: string,
  ): Promise<WarehouseRow[]> {
    return db
      .select()
      .from(warehouses)
      .where(
        and(
          eq(warehouses.tenantId, tenantId),
          filters.vendorIds ? inArray(warehouses.vendorId, [...filters.vendorIds]) : undefined,
          filters.vendorId ? eq(warehouses.vendorId, filters.vendorId) : undefined,
          filters.active === undefined ? undefined : eq(warehouses.active, filters.active),
          afterId === undefined ? undefined : gt(warehouses.id, afterId),
        ),
      )
      .orderBy(asc(warehouses.id))
      .limit(limit + 1);
  }

  async update(
    tx: Tx,
    tenantId: string,
    id: string,
    patch: Partial<Pick<NewWarehouseRow, 'name' | 'address' | 'latitude' | 'longitude' | 'active'>>,
  ): Promise<WarehouseRow | undefined> {
    const [row] = await tx
      .update(warehouses)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(warehouses.tenantId, tenantId), eq(warehouses.id, id)))
      .returning();
    return row;
  }

  async delete(tx: Tx, tenantId: string, id: string): Promise<boolean> {
    const rows = await tx
      .delete(warehouses)
      .where(and(eq(warehouses.tenantId, tenantId), eq(warehouses.id, id)))
      .returning({ id: warehouses.id });
    return rows.length > 0;
  }
}
