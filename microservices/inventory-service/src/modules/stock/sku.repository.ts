import { Injectable } from '@nestjs/common';
import type { Money } from '@haat/common';
import type { DbExecutor, Tx } from '@haat/database';
import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { type SkuRow, skus } from './stock.schema.js';

export interface SkuFilters {
  /** Only these vendors' SKUs (a vendor caller's scope). */
  vendorIds?: readonly string[];
  vendorId?: string;
  lowStock?: boolean;
}

/** The only code touching `skus`. Every query carries the tenant besides row-level security. */
@Injectable()
export class SkuRepository {
  /** Registers SKUs not seen before, owned by the given vendor; existing ones are left alone. */
  async ensure(tx: Tx, tenantId: string, entries: readonly { sku: string; vendorId: string | null }[]) {
    if (entries.length === 0) return;
    await tx
      .insert(skus)
      .values(entries.map((e) => ({ tenantId, sku: e.sku, vendorId: e.vendorId })))
      .onConflictDoNothing();
  }

  /**
   * Records the catalog's facts of SKUs (in SKU order, like every writer of these rows). A SKU
   * already stocked keeps its vendor; one whose vendor differs from the catalog's is returned.
   */
  async register(
    tx: Tx,
    tenantId: string,
    entries: readonly { sku: string; vendorId: string; productId: string; variantId: string }[],
  ): Promise<{ sku: string; stockedFor: string | null; catalogVendorId: string }[]> {
    if (entries.length === 0) return [];
    const sorted = [...entries].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
    const rows = await tx
      .insert(skus)
      .values(sorted.map((e) => ({ tenantId, ...e })))
      .onConflictDoUpdate({
        target: [skus.tenantId, skus.sku],
        set: {
          productId: sql`excluded.product_id`,
          variantId: sql`excluded.variant_id`,
          vendorId: sql`coalesce(${skus.vendorId}, excluded.vendor_id)`,
          updatedAt: sql`now()`,
        },
      })
      .returning({ sku: skus.sku, vendorId: skus.vendorId });
    return rows.flatMap((r) => {
      const catalogVendorId = sorted.find((e) => e.sku === r.sku)?.vendorId;
      return catalogVendorId && r.vendorId !== catalogVendorId
        ? [{ sku: r.sku, stockedFor: r.vendorId, catalogVendorId }]
        : [];
    });
  }

  /**
   * Locks the SKUs' rows in SKU order (every stock-changing transaction does, so they never
   * deadlock on each other) and returns those that exist.
   */
  lock(tx: Tx, tenantId: string, codes: readonly string[]): Promise<SkuRow[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return tx
      .select()
      .from(skus)
      .where(and(eq(skus.tenantId, tenantId), inArray(skus.sku, [...codes])))
      .orderBy(asc(skus.sku))
      .for('update');
  }

  /**
   * The statement storing SKUs' totals over all warehouses and their low-stock flags (computed
   * under their lock); the ledger sends it along with the levels' update in one round trip.
   */
  snapshotStatement(
    tenantId: string,
    snapshots: readonly { sku: string; onHand: number; reserved: number; lowStock: boolean }[],
  ): SQL {
    return sql`
      update skus as s
         set on_hand = v.on_hand, reserved = v.reserved, low_stock = v.low_stock, updated_at = now()
        from unnest(
          ${sql.param(snapshots.map((x) => x.sku))}::text[],
          ${sql.param(snapshots.map((x) => x.onHand))}::int[],
          ${sql.param(snapshots.map((x) => x.reserved))}::int[],
          ${sql.param(snapshots.map((x) => x.lowStock))}::boolean[]
        ) as v(sku, on_hand, reserved, low_stock)
       where s.tenant_id = ${tenantId}::uuid and s.sku = v.sku`;
  }

  async setThreshold(tx: Tx, tenantId: string, sku: string, threshold: number | null): Promise<void> {
    await tx
      .update(skus)
      .set({ lowStockThreshold: threshold, updatedAt: sql`now()` })
      .where(and(eq(skus.tenantId, tenantId), eq(skus.sku, sku)));
  }

  async setUnitCost(tx: Tx, tenantId: string, sku: string, cost: Money): Promise<void> {
    await tx
      .update(skus)
      .set({ unitCostMinor: cost.amountMinor, costCurrency: cost.currency, updatedAt: sql`now()` })
      .where(and(eq(skus.tenantId, tenantId), eq(skus.sku, sku)));
  }

  async find(db: DbExecutor, tenantId: string, sku: string): Promise<SkuRow | undefined> {
    const [row] = await db
      .select()
      .from(skus)
      .where(and(eq(skus.tenantId, tenantId), eq(skus.sku, sku)));
    return row;
  }

  findMany(db: DbExecutor, tenantId: string, codes: readonly string[]): Promise<SkuRow[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(skus)
      .where(and(eq(skus.tenantId, tenantId), inArray(skus.sku, [...codes])));
  }

  /** `limit + 1` SKUs after `afterSku`, by code. */
  list(
    db: DbExecutor,
    tenantId: string,
    filters: SkuFilters,
    limit: number,
    afterSku?: string,
  ): Promise<SkuRow[]> {
    return db
      .select()
      .from(skus)
      .where(
        and(
          eq(skus.tenantId, tenantId),
          filters.vendorIds ? inArray(skus.vendorId, [...filters.vendorIds]) : undefined,
          filters.vendorId ? eq(skus.vendorId, filters.vendorId) : undefined,
          filters.lowStock === undefined ? undefined : eq(skus.lowStock, filters.lowStock),
          afterSku === undefined ? undefined : gt(skus.sku, afterSku),
        ),
      )
      .orderBy(asc(skus.sku))
      .limit(limit + 1);
  }

  /** Every SKU of the tenant (optionally one vendor's), for the stock report. */
  all(db: DbExecutor, tenantId: string, vendorId?: string): Promise<SkuRow[]> {
    return db
      .select()
      .from(skus)
      .where(and(eq(skus.tenantId, tenantId), vendorId ? eq(skus.vendorId, vendorId) : undefined))
      .orderBy(asc(skus.sku));
  }
}
