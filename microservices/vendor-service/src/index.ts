export { createVendorService, vendorService, type VendorServiceOptions } from './service.js';
export { VendorServiceConfigSchema, type VendorServiceConfig } from './config/vendor-service.config.js';
export { DEMO_VENDORS, seedDemoVendors } from './modules/demo/demo-vendors.seed.js';
export { CommissionsGrpcServer } from './infrastructure/grpc/commissions.grpc-server.js';
export { VendorMetricsService } from './modules/metrics/vendor-metrics.service.js';
export type { PerformanceFact } from './modules/metrics/dto/metrics.dto.js';
