export { tenantService } from './service.js';
export { TenantServiceConfigSchema, type TenantServiceConfig } from './config/tenant-service.config.js';
export { DEMO_TENANT_ID, DEMO_TENANT_SLUG, seedDemoTenant } from './modules/tenants/demo-tenant.seed.js';
export { TenantDirectoryGrpcServer } from './infrastructure/grpc/tenant-directory.grpc-server.js';
