import { Injectable } from '@nestjs/common';
import { InternalError, type Money, newId } from '@haat/common';
import type { EventEnvelope } from '@haat/contracts';
import type { Tx } from '@haat/database';
import type { EnvelopeContext } from '@haat/messaging';
import { SkuRepository } from './sku.repository.js';
import { type LevelAfter, type LevelWithWarehouse, StockLevelRepository } from './stock-level.repository.js';
import { StockMovementRepository } from './stock-movement.repository.js';
import type { MovementType, NewStockMovementRow, SkuRow } from './stock.schema.js';
import { lowStock, stockChanged } from './stock.events.js';
import { stockSignals } from './stock-signal.rules.js';

/** One change to one stock level, as the caller states it. */
export interface StockChange {
  warehouseId: string;
  sku: string;
  type: MovementType;
  onHandDelta: number;
  reservedDelta: number;
  actor: string;
  reason?: string | null;
  reference?: { type: string; id: string } | null;
  counterpartWarehouseId?: string | null;
}

/** The facts of a warehouse a new level needs (units coming in where there were none). */
export type WarehouseFacts = Pick<LevelWithWarehouse, 'vendorId' | 'active' | 'latitude' | 'longitude'>;

/** A level as the session sees it: loaded under the SKU lock, then changed in memory. */
export interface LevelState extends LevelWithWarehouse {
  /** False for a level this session creates. */
  stored: boolean;
}

const keyOf = (warehouseId: string, sku: string) => `${warehouseId}|${sku}`;

/**
 * The stock of some SKUs, locked for one transaction (a unit of work). The SKU rows are locked
 * first and every level of those SKUs is loaded after, so the session's view is exact until
 * commit: no other transaction may change these SKUs meanwhile. `apply` checks and records a
 * change in memory (with its movement); `close` writes, in one statement, the net change of every
 * level with a guarded update — the database refuses a level going below zero even if this view
 * were wrong — the movements, and the SKUs' totals and alert flags, and returns the events they
 * call for (`inventory.low-stock.v1`, `inventory.stock-changed.v1`) for the caller's outbox.
 */
export class StockSession {
  private readonly levels = new Map<string, LevelState>();
  private readonly net = new Map<string, { onHand: number; reserved: number }>();
  private readonly movements: NewStockMovementRow[] = [];
  private readonly causes = new Map<string, Set<MovementType>>();
  private readonly touched = new Set<string>();

  constructor(
    private readonly tx: Tx,
    private readonly tenantId: string,
    private readonly rows: Map<string, SkuRow>,
    loaded: readonly LevelWithWarehouse[],
    private readonly repositories: {
      levels: StockLevelRepository;
      movements: StockMovementRepository;
      skus: SkuRepository;
    },
  ) {
    for (const level of loaded)
      this.levels.set(keyOf(level.warehouseId, level.sku), { ...level, stored: true });
  }

  /** The locked SKU row, or undefined when the SKU is unknown to this tenant. */
  sku(code: string): SkuRow | undefined {
    return this.rows.get(code);
  }

  /** The SKUs asked for that do not exist. */
  unknown(codes: readonly string[]): string[] {
    return [...new Set(codes)].filter((c) => !this.rows.has(c)).sort();
  }

  /** The SKU's level in every warehouse holding it, as of now in this transaction. */
  levelsOf(sku: string): readonly LevelState[] {
    return [...this.levels.values()].filter((l) => l.sku === sku);
  }

  level(warehouseId: string, sku: string): LevelState | undefined {
    return this.levels.get(keyOf(warehouseId, sku));
  }

  /**
   * Applies a change if the level stays valid (reserved ≥ 0, on hand ≥ reserved), recording its
   * movement; undefined when it would not (too few units, or no level to take from).
   * `create` (the warehouse's facts) makes a missing level: units coming in.
   */
  apply(change: StockChange, options: { create?: WarehouseFacts } = {}): LevelAfter | undefined {
    this.locked(change.sku);
    const key = keyOf(change.warehouseId, change.sku);
    let level = this.levels.get(key);
    if (!level && options.create) {
      level = {
        ...options.create,
        warehouseId: change.warehouseId,
        sku: change.sku,
        onHand: 0,
        reserved: 0,
        updatedAt: new Date(),
        stored: false,
      };
      this.levels.set(key, level);
    }
    if (!level) return undefined;
    const onHand = level.onHand + change.onHandDelta;
    const reserved = level.reserved + change.reservedDelta;
    if (reserved < 0 || onHand < reserved) return undefined;
    level.onHand = onHand;
    level.reserved = reserved;
    const net = this.net.get(key) ?? { onHand: 0, reserved: 0 };
    net.onHand += change.onHandDelta;
    net.reserved += change.reservedDelta;
    this.net.set(key, net);
    this.movements.push({
      id: newId(),
      tenantId: this.tenantId,
      sku: change.sku,
      warehouseId: change.warehouseId,
      type: change.type,
      onHandDelta: change.onHandDelta,
      reservedDelta: change.reservedDelta,
      onHandAfter: onHand,
      reservedAfter: reserved,
      reason: change.reason ?? null,
      actor: change.actor,
      referenceType: change.reference?.type ?? null,
      referenceId: change.reference?.id ?? null,
      counterpartWarehouseId: change.counterpartWarehouseId ?? null,
    });
    const causes = this.causes.get(change.sku) ?? new Set<MovementType>();
    causes.add(change.type);
    this.causes.set(change.sku, causes);
    this.touched.add(change.sku);
    return { onHand, reserved };
  }

  async setThreshold(sku: string, threshold: number | null): Promise<void> {
    const row = this.locked(sku);
    await this.repositories.skus.setThreshold(this.tx, this.tenantId, sku, threshold);
    this.rows.set(sku, { ...row, lowStockThreshold: threshold });
    this.touched.add(sku);
  }

  async setUnitCost(sku: string, cost: Money): Promise<void> {
    const row = this.locked(sku);
    await this.repositories.skus.setUnitCost(this.tx, this.tenantId, sku, cost);
    this.rows.set(sku, { ...row, unitCostMinor: cost.amountMinor, costCurrency: cost.currency });
  }

  /** Writes everything applied, in one statement for the common case, and returns its events. */
  async close(ctx: EnvelopeContext): Promise<EventEnvelope[]> {
    const writes = [...this.net].map(([key, delta]) => {
      const level = this.levels.get(key) as LevelState;
      return {
        warehouseId: level.warehouseId,
        sku: level.sku,
        onHandDelta: delta.onHand,
        reservedDelta: delta.reserved,
        insert: !level.stored,
      };
    });
    const { snapshots, events } = this.settle(ctx);
    const alongside = [];
    if (this.movements.length > 0)
      alongside.push(this.repositories.movements.insertStatement(this.tenantId, this.movements));
    if (snapshots.length > 0)
      alongside.push(this.repositories.skus.snapshotStatement(this.tenantId, snapshots));
    if (writes.length > 0 || alongside.length > 0) {
      const updated = await this.repositories.levels.write(this.tx, this.tenantId, writes, alongside);
      if (updated !== writes.filter((w) => !w.insert).length) {
        throw new InternalError('STOCK_LEDGER_DRIFT', 'A stock level refused a change made under its lock');
      }
    }
    for (const level of this.levels.values()) level.stored = true;
    for (const s of snapshots) this.rows.set(s.sku, { ...this.locked(s.sku), ...s });
    this.net.clear();
    this.movements.length = 0;
    this.touched.clear();
    this.causes.clear();
    return events;
  }

  /** The touched SKUs' new totals and flags, and the low-stock and stock-changed events they call for. */
  private settle(ctx: EnvelopeContext) {
    const events: EventEnvelope[] = [];
    const snapshots: { sku: string; onHand: number; reserved: number; lowStock: boolean }[] = [];
    for (const code of [...this.touched].sort()) {
      const row = this.locked(code);
      const next = this.levelsOf(code).reduce(
        (sum, l) => ({ onHand: sum.onHand + l.onHand, reserved: sum.reserved + l.reserved }),
        { onHand: 0, reserved: 0 },
      );
      const signals = stockSignals(row, next, row.lowStockThreshold);
      if (row.onHand !== next.onHand || row.reserved !== next.reserved || row.lowStock !== signals.lowStock) {
        snapshots.push({ sku: code, ...next, lowStock: signals.lowStock });
      }
      if (signals.lowStockCrossed && row.lowStockThreshold !== null) {
        events.push(
          lowStock(ctx, {
            sku: code,
            vendorId: row.vendorId,
            threshold: row.lowStockThreshold,
            available: signals.available,
            onHand: next.onHand,
          }),
        );
      }
      const causes = this.causes.get(code);
      if (signals.stockChanged && causes) {
        events.push(
          stockChanged(ctx, {
            sku: code,
            vendorId: row.vendorId,
            onHand: next.onHand,
            reserved: next.reserved,
            available: signals.available,
            inStock: signals.inStock,
            wasInStock: signals.wasInStock,
            causes: [...causes].sort(),
          }),
        );
      }
    }
    return { snapshots, events };
  }

  private locked(sku: string): SkuRow {
    const row = this.rows.get(sku);
    if (!row) {
      throw new InternalError('STOCK_SKU_NOT_LOCKED', `SKU ${sku} was not locked for this change`, { sku });
    }
    return row;
  }
}

/** The one way stock changes: open a session on the SKUs, apply changes, close for the events. */
@Injectable()
export class StockLedger {
  constructor(
    private readonly levels: StockLevelRepository,
    private readonly movements: StockMovementRepository,
    private readonly skus: SkuRepository,
  ) {}

  /**
   * Locks `codes` (in SKU order) for the rest of `tx` and loads their levels. `register` first
   * creates SKUs not seen before, owned by the given vendor (stock coming in creates the SKU).
   */
  async open(
    tx: Tx,
    tenantId: string,
    codes: readonly string[],
    register?: { vendorId: string | null },
  ): Promise<StockSession> {
    const unique = [...new Set(codes)].sort();
    if (register) {
      await this.skus.ensure(
        tx,
        tenantId,
        unique.map((sku) => ({ sku, vendorId: register.vendorId })),
      );
    }
    const rows = await this.skus.lock(tx, tenantId, unique);
    // Read after the lock is granted: a new statement sees every change committed before it.
    const levels = await this.levels.ofSkus(
      tx,
      tenantId,
      rows.map((r) => r.sku),
    );
    return new StockSession(tx, tenantId, new Map(rows.map((r) => [r.sku, r])), levels, {
      levels: this.levels,
      movements: this.movements,
      skus: this.skus,
    });
  }
}
