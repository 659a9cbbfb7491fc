import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, type CurrencyCode, InternalError, type Money, newId } from '@haat/common';
import type { Database, Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { actorOf } from '../../infrastructure/auth/tenant-context.js';
import { reachesVendor, vendorScopeOf } from '../../infrastructure/auth/vendor-scope.js';
import { retryOnConflict } from '../../infrastructure/db/conflict-retry.js';
import { WarehousesService } from '../warehouses/warehouses.service.js';
import type { WarehouseRow } from '../warehouses/warehouses.schema.js';
import type {
  AdjustmentInput,
  ReceiptInput,
  ReturnInput,
  TransferInput,
} from './dto/stock-operations.dto.js';
import { type StockOperationResult, toStockLevel } from './dto/stock-level.dto.js';
import { type SkuView, toSkuView } from './dto/sku.dto.js';
import type { LevelAfter } from './stock-level.repository.js';
import { type StockSession, StockLedger } from './stock.ledger.js';
import { skuNotFound, skuVendorMismatch, STOCK_ERRORS, stockInsufficient } from './stock.errors.js';
import type { SkuRow } from './stock.schema.js';
import { movingAverageCost } from './unit-cost.rules.js';

/** Units coming in, going out and moving between warehouses, each recorded as a movement. */
@Injectable()
export class StockService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly ledger: StockLedger,
    private readonly warehouses: WarehousesService,
  ) {}

  /** Puts received units on hand; a SKU never seen before is created for the warehouse's vendor. */
  receive(ctx: TenantContext, input: ReceiptInput): Promise<StockOperationResult> {
    return this.inTransaction(ctx, [input.warehouseId], async (tx, held) => {
      const warehouse = held.get(input.warehouseId) as WarehouseRow;
      const session = await this.ledger.open(
        tx,
        ctx.tenantId,
        input.lines.map((l) => l.sku),
        { vendorId: warehouse.vendorId },
      );
      const reference = { type: 'receipt', id: input.reference ?? newId() };
      const levels = [];
      for (const line of input.lines) {
        const sku = this.sameVendor(session, line.sku, warehouse);
        const cost = line.unitCost && this.costAfter(sku, line.quantity, line.unitCost);
        const after = must(
          session.apply(
            {
              warehouseId: warehouse.id,
              sku: line.sku,
              type: 'receipt',
              onHandDelta: line.quantity,
              reservedDelta: 0,
              actor: actorOf(ctx),
              reason: input.reason,
              reference,
            },
            { create: warehouse },
          ),
        );
        if (cost) await session.setUnitCost(line.sku, cost);
        levels.push(toStockLevel(warehouse.id, line.sku, after));
      }
      return { session, result: { levels } };
    });
  }

  /** A counted correction; on hand may never fall below what is reserved. */
  adjust(ctx: TenantContext, input: AdjustmentInput): Promise<StockOperationResult> {
    return this.inTransaction(ctx, [input.warehouseId], async (tx, held) => {
      const warehouse = held.get(input.warehouseId) as WarehouseRow;
      const session = await this.ledger.open(tx, ctx.tenantId, [input.sku]);
      this.sameVendor(session, input.sku, warehouse);
      const after = session.apply(
        {
          warehouseId: warehouse.id,
          sku: input.sku,
          type: 'adjustment',
          onHandDelta: input.delta,
          reservedDelta: 0,
          actor: actorOf(ctx),
          reason: input.reason,
        },
        { create: input.delta > 0 ? warehouse : undefined },
      );
      if (!after) {
        const level = session.level(warehouse.id, input.sku) ?? { onHand: 0, reserved: 0 };
        throw new ConflictError(
          STOCK_ERRORS.belowReserved,
          `On hand (${level.onHand}) cannot fall by ${-input.delta} below the ${level.reserved} units reserved`,
          { warehouseId: warehouse.id, sku: input.sku, delta: input.delta, ...level },
        );
      }
      return { session, result: { levels: [toStockLevel(warehouse.id, input.sku, after)] } };
    });
  }

  /** Moves free units between two warehouses of the SKU's vendor. */
  transfer(ctx: TenantContext, input: TransferInput): Promise<StockOperationResult> {
    return this.inTransaction(ctx, [input.fromWarehouseId, input.toWarehouseId], async (tx, held) => {
      const from = held.get(input.fromWarehouseId) as WarehouseRow;
      const to = held.get(input.toWarehouseId) as WarehouseRow;
      const session = await this.ledger.open(tx, ctx.tenantId, [input.sku]);
      this.sameVendor(session, input.sku, from);
      this.sameVendor(session, input.sku, to);
      const base = {
        sku: input.sku,
        type: 'transfer' as const,
        reservedDelta: 0,
        actor: actorOf(ctx),
        reason: input.reason,
        reference: { type: 'transfer', id: newId() },
      };
      const out = session.apply({
        ...base,
        warehouseId: from.id,
        onHandDelta: -input.quantity,
        counterpartWarehouseId: to.id,
      });
      if (!out) {
        const level = session.level(from.id, input.sku) ?? { onHand: 0, reserved: 0 };
        throw stockInsufficient(input.sku, input.quantity, level.onHand - level.reserved, from.id);
      }
      const into = must(
        session.apply(
          { ...base, warehouseId: to.id, onHandDelta: input.quantity, counterpartWarehouseId: from.id },
          { create: to },
        ),
      );
      return {
        session,
        result: { levels: [toStockLevel(from.id, input.sku, out), toStockLevel(to.id, input.sku, into)] },
      };
    });
  }

  /** Units a customer returned, on hand again in the receiving warehouse. */
  receiveReturn(ctx: TenantContext, input: ReturnInput): Promise<StockOperationResult> {
    return this.inTransaction(ctx, [input.warehouseId], async (tx, held) => {
      const warehouse = held.get(input.warehouseId) as WarehouseRow;
      const session = await this.ledger.open(tx, ctx.tenantId, [input.sku]);
      this.sameVendor(session, input.sku, warehouse);
      const after = must(
        session.apply(
          {
            warehouseId: warehouse.id,
            sku: input.sku,
            type: 'return',
            onHandDelta: input.quantity,
            reservedDelta: 0,
            actor: actorOf(ctx),
            reason: input.reason,
            reference: input.orderId ? { type: 'order', id: input.orderId } : null,
          },
          { create: warehouse },
        ),
      );
      return { session, result: { levels: [toStockLevel(warehouse.id, input.sku, after)] } };
    });
  }

  /** Sets (or with null removes) the SKU's low-stock threshold; crossing it now alerts at once. */
  async setThreshold(ctx: TenantContext, code: string, threshold: number | null): Promise<SkuView> {
    return retryOnConflict(() =>
      this.database.withTenant(ctx.tenantId, async (tx) => {
        const session = await this.ledger.open(tx, ctx.tenantId, [code]);
        const sku = session.sku(code);
        if (!sku || !reachesVendor(vendorScopeOf(ctx), sku.vendorId)) throw skuNotFound([code]);
        await session.setThreshold(code, threshold);
        await addToOutbox(tx, await session.close(ctx));
        return toSkuView(session.sku(code) as SkuRow);
      }),
    );
  }

  /**
   * One stock operation: holds its warehouses (404 unless visible to the caller), runs `work`,
   * then writes the session's events with the change. Retried whole if chosen as a deadlock victim.
   */
  private inTransaction(
    ctx: TenantContext,
    warehouseIds: readonly string[],
    work: (
      tx: Tx,
      held: Map<string, WarehouseRow>,
    ) => Promise<{ session: StockSession; result: StockOperationResult }>,
  ): Promise<StockOperationResult> {
    return retryOnConflict(() =>
      this.database.withTenant(ctx.tenantId, async (tx) => {
        const held = await this.warehouses.holdForStock(ctx, tx, warehouseIds);
        const { session, result } = await work(tx, held);
        await addToOutbox(tx, await session.close(ctx));
        return result;
      }),
    );
  }

  /** The SKU's row; 404 when unknown, 409 when it belongs to another vendor than the warehouse. */
  private sameVendor(session: StockSession, code: string, warehouse: WarehouseRow): SkuRow {
    const sku = session.sku(code);
    if (!sku) throw skuNotFound([code]);
    if (sku.vendorId !== warehouse.vendorId) throw skuVendorMismatch(code, sku.vendorId, warehouse.vendorId);
    return sku;
  }

  private costAfter(sku: SkuRow, quantity: number, unitCost: Money): Money {
    if (sku.costCurrency !== null && sku.costCurrency !== unitCost.currency) {
      throw new ConflictError(
        STOCK_ERRORS.costCurrencyMismatch,
        `${sku.sku} is costed in ${sku.costCurrency}, not ${unitCost.currency}`,
        { sku: sku.sku, currency: sku.costCurrency },
      );
    }
    const previous =
      sku.unitCostMinor !== null && sku.costCurrency !== null
        ? { amountMinor: sku.unitCostMinor, currency: sku.costCurrency as CurrencyCode }
        : null;
    return movingAverageCost({ unitCost: previous, onHand: sku.onHand }, { quantity, unitCost });
  }
}

/** Units coming in always fit; a refusal here means the ledger's invariants broke. */
function must(after: LevelAfter | undefined): LevelAfter {
  if (!after) throw new InternalError('STOCK_LEDGER_REFUSED', 'A stock level refused incoming units');
  return after;
}
