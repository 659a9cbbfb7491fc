import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@haat/service';
import { AppModule } from './app.module.js';
import { InventoryServiceConfigSchema } from './config/inventory-service.config.js';
import { InventoryGrpcServer } from './infrastructure/grpc/inventory.grpc-server.js';
import { registerReportsOpenApi } from './modules/reports/reports.openapi.js';
import { ReservationExpiryJob } from './modules/reservations/reservation-expiry.job.js';
import { registerReservationsOpenApi } from './modules/reservations/reservations.openapi.js';
import { registerStockOpenApi } from './modules/stock/stock.openapi.js';
import { registerWarehousesOpenApi } from './modules/warehouses/warehouses.openapi.js';

/**
 * inventory-service: warehouses, stock per SKU and warehouse with every movement recorded,
 * reservations for orders (never overselling), low-stock alerts, the PDF stock report; REST,
 * and gRPC `haat.inventory.v1.Inventory` on `GRPC_PORT`; the reservation sweeper in the background.
 */
export const inventoryService: ServiceDefinition<typeof InventoryServiceConfigSchema> = {
  name: 'inventory-service',
  configSchema: InventoryServiceConfigSchema,
  rootModule: (runtime) => AppModule.forRuntime(runtime),
  // `../migrations` from both src/ (tests) and dist/ (built).
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  openapi: (registry) => {
    registerWarehousesOpenApi(registry);
    registerStockOpenApi(registry);
    registerReservationsOpenApi(registry);
    registerReportsOpenApi(registry);
  },
  onStarted: async (runtime, app) => {
    const grpc = app.get(InventoryGrpcServer, { strict: false });
    await grpc.start(runtime.config.HTTP_HOST, runtime.config.GRPC_PORT);
    const sweeper = app.get(ReservationExpiryJob, { strict: false });
    sweeper.start();
    return async () => {
      await sweeper.stop();
      await grpc.stop();
    };
  },
};
