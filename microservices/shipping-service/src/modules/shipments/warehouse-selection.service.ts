import { Injectable, Logger } from '@nestjs/common';
import { InventoryClient } from '../../infrastructure/inventory/inventory.client.js';
import { type GeoPoint, selectWarehouse } from './warehouse.selector.js';

/**
 * The vendor's warehouse a parcel leaves from, from inventory-service: its active warehouses
 * (with locations) and every warehouse's units of each line's SKU, then `selectWarehouse`.
 * Units on hand count (the order's own reservation sits in them). When inventory-service cannot
 * answer, the parcel still ships, from the courier account's default pickup point.
 */
@Injectable()
export class WarehouseSelectionService {
  private readonly logger = new Logger('WarehouseSelection');

  constructor(private readonly inventory: InventoryClient) {}

  async select(
    tenantId: string,
    requestId: string,
    vendorId: string,
    lines: readonly { sku: string; quantity: number }[],
    destination: GeoPoint | null,
  ): Promise<string | null> {
    try {
      const warehouses = await this.inventory.warehousesOf(tenantId, requestId, vendorId);
      if (warehouses.length <= 1) return warehouses[0]?.id ?? null;
      const ids = new Set(warehouses.map((w) => w.id));
      const units = new Map<string, number>();
      for (const sku of new Set(lines.map((l) => l.sku))) {
        for (const level of await this.inventory.levelsOf(tenantId, requestId, sku)) {
          if (ids.has(level.warehouseId)) units.set(`${level.warehouseId}|${sku}`, level.onHand);
        }
      }
      return selectWarehouse(warehouses, lines, (w, sku) => units.get(`${w}|${sku}`) ?? 0, destination);
    } catch (err) {
      this.logger.warn(
        { vendorId, err: err instanceof Error ? err.message : String(err) },
        'warehouse selection unavailable',
      );
      return null;
    }
  }
}
