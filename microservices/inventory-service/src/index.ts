export { inventoryService } from './service.js';
export {
  InventoryServiceConfigSchema,
  type InventoryServiceConfig,
} from './config/inventory-service.config.js';
export { InventoryGrpcServer } from './infrastructure/grpc/inventory.grpc-server.js';
export { ReservationExpiryJob } from './modules/reservations/reservation-expiry.job.js';
export { vendorScopeOf, type VendorScope } from './infrastructure/auth/vendor-scope.js';
export { seedDemoInventory, type DemoInventoryInput } from './modules/demo/demo-inventory.seed.js';
