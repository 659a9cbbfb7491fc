import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, toPage, type Page } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { reachesVendor, vendorFilterOf, vendorScopeOf } from '../../infrastructure/auth/vendor-scope.js';
import type { ListMovementsQuery, Movement } from './dto/movement.dto.js';
import { toMovement } from './dto/movement.dto.js';
import { type ListSkusQuery, type SkuView, toSkuView } from './dto/sku.dto.js';
import type { StockCheckInput, StockCheckResult } from './dto/stock-check.dto.js';
import { type ListStockQuery, toListedLevel } from './dto/stock-level.dto.js';
import { SkuRepository } from './sku.repository.js';
import { StockLevelRepository } from './stock-level.repository.js';
import { StockMovementRepository } from './stock-movement.repository.js';
import { skuNotFound } from './stock.errors.js';

const SkuCursorSchema = z.object({ sku: z.string() });
const LevelCursorSchema = z.object({ sku: z.string(), warehouseId: z.string().uuid() });
const MovementCursorSchema = z.object({ id: z.string().uuid() });

/** Reads of stock: levels, SKUs with totals, movement history, and the availability check. */
@Injectable()
export class StockQueryService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly skus: SkuRepository,
    private readonly levels: StockLevelRepository,
    private readonly movements: StockMovementRepository,
  ) {}

  async listLevels(
    ctx: TenantContext,
    query: ListStockQuery,
  ): Promise<Page<ReturnType<typeof toListedLevel>>> {
    const after = decodeCursor(query.cursor, LevelCursorSchema);
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.levels.list(
        tx,
        ctx.tenantId,
        { sku: query.sku, warehouseId: query.warehouseId, vendorIds: vendorFilterOf(vendorScopeOf(ctx)) },
        query.limit,
        after,
      ),
    );
    return toPage(rows, query.limit, (r) => ({ sku: r.sku, warehouseId: r.warehouseId }), toListedLevel);
  }

  async listSkus(ctx: TenantContext, query: ListSkusQuery): Promise<Page<SkuView>> {
    const after = decodeCursor(query.cursor, SkuCursorSchema);
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.skus.list(
        tx,
        ctx.tenantId,
        { vendorIds: vendorFilterOf(vendorScopeOf(ctx)), vendorId: query.vendorId, lowStock: query.lowStock },
        query.limit,
        after?.sku,
      ),
    );
    return toPage(rows, query.limit, (r) => ({ sku: r.sku }), toSkuView);
  }

  /** The SKU with its totals and its level in every warehouse; 404 for one the caller may not see. */
  async getSku(ctx: TenantContext, code: string) {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const row = await this.skus.find(tx, ctx.tenantId, code);
      if (!row || !reachesVendor(vendorScopeOf(ctx), row.vendorId)) throw skuNotFound([code]);
      const levels = await this.levels.ofSku(tx, ctx.tenantId, code);
      return { ...toSkuView(row), warehouses: levels.map(toListedLevel) };
    });
  }

  /** The SKU's history, newest first. */
  async movementsOf(ctx: TenantContext, code: string, query: ListMovementsQuery): Promise<Page<Movement>> {
    const before = decodeCursor(query.cursor, MovementCursorSchema);
    const rows = await this.database.withTenant(ctx.tenantId, async (tx) => {
      const sku = await this.skus.find(tx, ctx.tenantId, code);
      if (!sku || !reachesVendor(vendorScopeOf(ctx), sku.vendorId)) throw skuNotFound([code]);
      return this.movements.list(
        tx,
        ctx.tenantId,
        {
          sku: code,
          warehouseId: query.warehouseId,
          type: query.type,
          from: query.from ? new Date(query.from) : undefined,
          to: query.to ? new Date(query.to) : undefined,
        },
        query.limit,
        before?.id,
      );
    });
    return toPage(rows, query.limit, (r) => ({ id: r.id }), toMovement);
  }

  /**
   * How many units each line could get now: free units in active warehouses of the line's
   * vendor (and the caller's, for a vendor's people). A SKU never stocked counts as 0, `known: false`.
   */
  async check(ctx: TenantContext, input: StockCheckInput): Promise<StockCheckResult> {
    const codes = input.lines.map((l) => l.sku);
    const scope = vendorScopeOf(ctx);
    const { known, levels } = await this.database.withTenant(ctx.tenantId, async (tx) => ({
      known: new Set((await this.skus.findMany(tx, ctx.tenantId, codes)).map((s) => s.sku)),
      levels: await this.levels.reservable(tx, ctx.tenantId, codes),
    }));
    const lines = input.lines.map((line) => {
      const available = levels
        .filter(
          (l) =>
            l.sku === line.sku &&
            reachesVendor(scope, l.vendorId) &&
            (line.vendorId === undefined || line.vendorId === null || l.vendorId === line.vendorId),
        )
        .reduce((sum, l) => sum + (l.onHand - l.reserved), 0);
      return {
        sku: line.sku,
        requested: line.quantity,
        available,
        sufficient: available >= line.quantity,
        known: known.has(line.sku),
      };
    });
    return { allAvailable: lines.every((l) => l.sufficient), lines };
  }
}
