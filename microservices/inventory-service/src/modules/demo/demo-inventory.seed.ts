import type { INestApplicationContext } from '@nestjs/common';
import { newId } from '@haat/common';
import { systemContext, type TenantContext } from '@haat/tenant';
import { StockQueryService } from '../stock/stock-query.service.js';
import { StockService } from '../stock/stock.service.js';
import { WarehousesService } from '../warehouses/warehouses.service.js';

/** Where the demo vendors keep stock: Dhaka, then Chattogram, then Sylhet. */
const SITES = [
  { city: 'Dhaka', line1: 'House 12, Road 5, Dhanmondi', latitude: 23.7465, longitude: 90.376 },
  { city: 'Chattogram', line1: '45 Agrabad C/A', latitude: 22.3252, longitude: 91.8122 },
  { city: 'Sylhet', line1: 'Zindabazar Road 3', latitude: 24.8949, longitude: 91.8687 },
] as const;

export interface DemoInventoryInput {
  tenantId: string;
  vendorIds: readonly [string, ...string[]];
  /** The SKUs to stock; by default every SKU the catalog registered for these vendors. */
  skus?: readonly { sku: string; vendorId: string }[];
  /** Units of each SKU (default 25). */
  quantity?: number;
}

/**
 * Demo stock for a tenant: one warehouse per vendor and `quantity` units of each of the vendor's
 * SKUs at a demo cost, with a low-stock threshold of 5. Does nothing when the tenant already has
 * warehouses. Pass the running inventory-service (`RunningService.app`), after the demo catalog's
 * `product.created.v1` events were delivered (or give `skus`).
 */
export async function seedDemoInventory(
  app: INestApplicationContext,
  input: DemoInventoryInput,
): Promise<{ warehouses: number; skus: number }> {
  const warehouses = app.get(WarehousesService, { strict: false });
  const stock = app.get(StockService, { strict: false });
  const queries = app.get(StockQueryService, { strict: false });
  const ctx = systemContext(`seed-demo-inventory-${newId()}`, input.tenantId) as TenantContext;
  if ((await warehouses.list(ctx, { limit: 1 })).items.length > 0) return { warehouses: 0, skus: 0 };

  const wanted = input.skus ? [...input.skus] : [];
  if (!input.skus) {
    let cursor: string | undefined;
    do {
      const page = await queries.listSkus(ctx, { limit: 100, cursor });
      for (const s of page.items) {
        if (s.vendorId && input.vendorIds.includes(s.vendorId))
          wanted.push({ sku: s.sku, vendorId: s.vendorId });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  let stocked = 0;
  for (const [i, vendorId] of input.vendorIds.entries()) {
    const site = SITES[i % SITES.length] as (typeof SITES)[number];
    const warehouse = await warehouses.create(ctx, {
      code: `DEMO-${site.city.toUpperCase()}-${i + 1}`,
      name: `${site.city} warehouse`,
      vendorId,
      address: { line1: site.line1, city: site.city, country: 'BD' },
      location: { latitude: site.latitude, longitude: site.longitude },
      active: true,
    });
    const lines = wanted.filter((s) => s.vendorId === vendorId);
    if (lines.length === 0) continue;
    await stock.receive(ctx, {
      warehouseId: warehouse.id,
      reason: 'demo opening stock',
      lines: lines.map((l) => ({
        sku: l.sku,
        quantity: input.quantity ?? 25,
        unitCost: { amountMinor: 50_000n, currency: 'BDT' },
      })),
    });
    for (const l of lines) await stock.setThreshold(ctx, l.sku, 5);
    stocked += lines.length;
  }
  return { warehouses: input.vendorIds.length, skus: stocked };
}
