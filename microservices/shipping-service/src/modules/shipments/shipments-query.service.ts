import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { shipmentNotFound } from './shipments.errors.js';
import { ShipmentsRepository } from './shipments.repository.js';
import type { ShipmentEventRow, ShipmentRow } from './shipments.schema.js';

/** Reads of shipments, scoped to the tenant (row-level security) and to the caller's vendors. */
@Injectable()
export class ShipmentsQueryService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: ShipmentsRepository,
  ) {}

  list(
    ctx: TenantContext,
    filter: { orderId?: string; status?: ShipmentRow['status']; vendorIds?: readonly string[] },
    limit: number,
    before?: { createdAt: Date; id: string },
  ): Promise<ShipmentRow[]> {
    return this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.list(tx, ctx.tenantId, filter, limit, before),
    );
  }

  async get(
    ctx: TenantContext,
    id: string,
    vendorIds: readonly string[] | undefined,
  ): Promise<{ row: ShipmentRow; events: ShipmentEventRow[] }> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const row = await this.repo.find(tx, ctx.tenantId, id);
      if (!row || (vendorIds && !vendorIds.includes(row.vendorId))) throw shipmentNotFound(id);
      return { row, events: await this.repo.events(tx, ctx.tenantId, id) };
    });
  }
}
