import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, decodeCursor, newId, toPage, type Page } from '@haat/common';
import { type Database, type Tx, PG_ERROR, isUniqueViolation, pgError } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { retryOnConflict } from '../../infrastructure/db/conflict-retry.js';
import { reachesVendor, vendorFilterOf, vendorScopeOf } from '../../infrastructure/auth/vendor-scope.js';
import { StockLevelRepository } from '../stock/stock-level.repository.js';
import type { CreateWarehouseInput } from './dto/create-warehouse.dto.js';
import type { ListWarehousesQuery } from './dto/list-warehouses.query.js';
import type { UpdateWarehouseInput } from './dto/update-warehouse.dto.js';
import { toWarehouse, type Warehouse } from './dto/warehouse.dto.js';
import { vendorForbidden, WAREHOUSE_ERRORS, warehouseNotFound } from './warehouses.errors.js';
import { WarehousesRepository } from './warehouses.repository.js';
import type { WarehouseRow } from './warehouses.schema.js';

const WarehouseCursorSchema = z.object({ id: z.string().uuid() });

/** Warehouses: where a tenant's vendors (or the marketplace itself) keep stock. */
@Injectable()
export class WarehousesService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: WarehousesRepository,
    private readonly levels: StockLevelRepository,
  ) {}

  async create(ctx: TenantContext, input: CreateWarehouseInput): Promise<Warehouse> {
    const vendorId = this.owningVendor(ctx, input.vendorId);
    try {
      const row = await this.database.withTenant(ctx.tenantId, (tx) =>
        this.repository.insert(tx, {
          id: newId(),
          tenantId: ctx.tenantId,
          vendorId,
          code: input.code,
          name: input.name,
          address: input.address,
          latitude: input.location?.latitude ?? null,
          longitude: input.location?.longitude ?? null,
          active: input.active,
        }),
      );
      return toWarehouse(row);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ConflictError(WAREHOUSE_ERRORS.codeTaken, `A warehouse with code ${input.code} exists`, {
          code: input.code,
        });
      }
      throw err;
    }
  }

  async list(ctx: TenantContext, query: ListWarehousesQuery): Promise<Page<Warehouse>> {
    const after = decodeCursor(query.cursor, WarehouseCursorSchema);
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repository.list(
        tx,
        ctx.tenantId,
        { vendorIds: vendorFilterOf(vendorScopeOf(ctx)), vendorId: query.vendorId, active: query.active },
        query.limit,
        after?.id,
      ),
    );
    return toPage(rows, query.limit, (r) => ({ id: r.id }), toWarehouse);
  }

  async get(ctx: TenantContext, id: string): Promise<Warehouse> {
    return toWarehouse(await this.database.withTenant(ctx.tenantId, (tx) => this.visible(ctx, tx, id)));
  }

  async update(ctx: TenantContext, id: string, input: UpdateWarehouseInput): Promise<Warehouse> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.visible(ctx, tx, id, { lock: true });
      const patch: Parameters<WarehousesRepository['update']>[3] = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.address !== undefined) patch.address = input.address;
      if (input.active !== undefined) patch.active = input.active;
      if (input.location !== undefined) {
        patch.latitude = input.location?.latitude ?? null;
        patch.longitude = input.location?.longitude ?? null;
      }
      const row = await this.repository.update(tx, ctx.tenantId, id, patch);
      if (!row) throw warehouseNotFound(id);
      return toWarehouse(row);
    });
  }

  /**
   * Deletes a warehouse that holds nothing. The warehouse row is locked first, so no stock can
   * move in meanwhile; a reservation racing in is caught by the foreign key of its level.
   */
  async remove(ctx: TenantContext, id: string): Promise<void> {
    try {
      await retryOnConflict(() =>
        this.database.withTenant(ctx.tenantId, async (tx) => {
          await this.visible(ctx, tx, id, { lock: true });
          const held = await this.levels.holdings(tx, ctx.tenantId, id);
          if (held.reserved > 0) {
            throw new ConflictError(
              WAREHOUSE_ERRORS.hasReservations,
              `The warehouse holds ${held.reserved} reserved units; commit or release them first`,
              { id, ...held },
            );
          }
          if (held.onHand > 0) throw hasStock(id, held);
          await this.levels.deleteEmpty(tx, ctx.tenantId, id);
          if (!(await this.repository.delete(tx, ctx.tenantId, id))) throw warehouseNotFound(id);
        }),
      );
    } catch (err) {
      if (pgError(err)?.code === PG_ERROR.foreignKeyViolation) throw hasStock(id, undefined);
      throw err;
    }
  }

  /**
   * The warehouses stock is about to move in or out of, held against deletion for the rest of
   * `tx`; 404 for any the caller may not see or that does not exist.
   */
  async holdForStock(ctx: TenantContext, tx: Tx, ids: readonly string[]): Promise<Map<string, WarehouseRow>> {
    const unique = [...new Set(ids)];
    const rows = await this.repository.share(tx, ctx.tenantId, unique);
    const scope = vendorScopeOf(ctx);
    const found = new Map(rows.filter((r) => reachesVendor(scope, r.vendorId)).map((r) => [r.id, r]));
    const missing = unique.find((id) => !found.has(id));
    if (missing) throw warehouseNotFound(missing);
    return found;
  }

  private async visible(
    ctx: TenantContext,
    tx: Tx,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<WarehouseRow> {
    const row = options.lock
      ? await this.repository.lock(tx, ctx.tenantId, id)
      : await this.repository.find(tx, ctx.tenantId, id);
    if (!row || !reachesVendor(vendorScopeOf(ctx), row.vendorId)) throw warehouseNotFound(id);
    return row;
  }

  private owningVendor(ctx: TenantContext, requested: string | null | undefined): string | null {
    const scope = vendorScopeOf(ctx);
    if (scope.kind === 'marketplace') return requested ?? null;
    const vendorId = requested ?? (scope.vendorIds.length === 1 ? (scope.vendorIds[0] ?? null) : null);
    if (!reachesVendor(scope, vendorId)) throw vendorForbidden(vendorId);
    return vendorId;
  }
}

function hasStock(id: string, held: { onHand: number; reserved: number } | undefined): ConflictError {
  return new ConflictError(
    WAREHOUSE_ERRORS.hasStock,
    'The warehouse still holds stock; transfer or adjust it out first',
    { id, ...(held ?? {}) },
  );
}
