import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { pageSchema } from '@haat/common';
import { createServiceClient, type ServiceClient } from '@haat/resilience';
import { SERVICE_CONFIG } from '@haat/service';
import { signInternalRequest, systemContext } from '@haat/tenant';
import { z } from 'zod';
import type { ShippingServiceConfig } from '../../config/shipping-service.config.js';

/** inventory-service's warehouse, as far as shipping needs it (`GET /v1/warehouses`). */
export const InventoryWarehouseSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  vendorId: z.string().uuid().nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  active: z.boolean(),
});
export type InventoryWarehouse = z.infer<typeof InventoryWarehouseSchema>;

/** One SKU's units in one warehouse (`GET /v1/stock?sku=`). */
export const InventoryLevelSchema = z.object({
  warehouseId: z.string().uuid(),
  sku: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
});
export type InventoryLevel = z.infer<typeof InventoryLevelSchema>;

/** `POST /v1/stock/check`'s answer. */
export const StockCheckResultSchema = z.object({
  allAvailable: z.boolean(),
  lines: z.array(
    z.object({ sku: z.string(), requested: z.number(), available: z.number(), sufficient: z.boolean() }),
  ),
});
export type StockCheckResult = z.infer<typeof StockCheckResultSchema>;

const WarehousePage = pageSchema(InventoryWarehouseSchema);
const LevelPage = pageSchema(InventoryLevelSchema);
/** Pages read at most per list: a vendor with more than 1 000 warehouses is not a case. */
const MAX_PAGES = 10;

/**
 * Reads warehouses and stock from inventory-service through the resilient client (timeout,
 * one retry, breaker), each request signed in the platform's name for the tenant.
 */
@Injectable()
export class InventoryClient implements OnModuleDestroy {
  private readonly client: ServiceClient;
  private readonly secret: string;

  constructor(@Inject(SERVICE_CONFIG) config: ShippingServiceConfig) {
    this.secret = config.INTERNAL_SIGNING_SECRET;
    this.client = createServiceClient({
      name: 'inventory-service',
      baseUrl: config.INVENTORY_SERVICE_URL,
      timeoutMs: config.INVENTORY_SERVICE_TIMEOUT,
      retries: 1,
      breaker: { consecutiveFailures: 5, halfOpenAfterMs: 5_000 },
    });
  }

  /** The vendor's active warehouses. */
  async warehousesOf(tenantId: string, requestId: string, vendorId: string): Promise<InventoryWarehouse[]> {
    return this.pages(tenantId, requestId, `/v1/warehouses?vendorId=${vendorId}&active=true`, WarehousePage);
  }

  /** Every warehouse's level of `sku`. */
  async levelsOf(tenantId: string, requestId: string, sku: string): Promise<InventoryLevel[]> {
    return this.pages(tenantId, requestId, `/v1/stock?sku=${encodeURIComponent(sku)}`, LevelPage);
  }

  /** Whether the vendor can serve these lines at all right now. */
  async check(
    tenantId: string,
    requestId: string,
    lines: readonly { sku: string; quantity: number; vendorId: string }[],
  ): Promise<StockCheckResult> {
    const path = '/v1/stock/check';
    const body = Buffer.from(JSON.stringify({ lines }));
    return this.client.requestJson(
      {
        method: 'POST',
        path,
        body,
        headers: {
          ...this.sign('POST', path, tenantId, requestId, body),
          'content-type': 'application/json',
        },
      },
      StockCheckResultSchema,
    );
  }

  private async pages<T>(
    tenantId: string,
    requestId: string,
    base: string,
    schema: z.ZodType<{ items: T[]; nextCursor: string | null }>,
  ): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < MAX_PAGES; i++) {
      const path: string = `${base}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await this.client.requestJson(
        { method: 'GET', path, headers: this.sign('GET', path, tenantId, requestId) },
        schema,
      );
      out.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return out;
  }

  private sign(
    method: string,
    path: string,
    tenantId: string,
    requestId: string,
    body?: Buffer,
  ): Record<string, string> {
    return signInternalRequest({
      method,
      path,
      body,
      secret: this.secret,
      context: systemContext(requestId, tenantId),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.close();
  }
}
