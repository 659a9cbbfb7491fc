import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@haat/service';
import { AppModule } from './app.module.js';
import { TenantServiceConfigSchema } from './config/tenant-service.config.js';
import { TenantDirectoryGrpcServer } from './infrastructure/grpc/tenant-directory.grpc-server.js';
import { registerDomainsOpenApi } from './modules/domains/domains.openapi.js';
import { registerFeaturesOpenApi } from './modules/features/features.openapi.js';
import { registerLimitsOpenApi } from './modules/limits/limits.openapi.js';
import { registerPlansOpenApi } from './modules/plans/plans.openapi.js';
import { registerResolutionOpenApi } from './modules/resolution/resolution.openapi.js';
import { registerTenantsOpenApi } from './modules/tenants/tenants.openapi.js';

/**
 * tenant-service: tenants, plans and limits, feature toggles, domains, and host resolution for
 * the gateway (REST and gRPC `haat.tenant.v1.TenantDirectory` on `GRPC_PORT`).
 */
export const tenantService: ServiceDefinition<typeof TenantServiceConfigSchema> = {
  name: 'tenant-service',
  configSchema: TenantServiceConfigSchema,
  rootModule: () => AppModule,
  // `../migrations` from both src/ (tests) and dist/ (built).
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  openapi: (registry) => {
    registerTenantsOpenApi(registry);
    registerPlansOpenApi(registry);
    registerLimitsOpenApi(registry);
    registerFeaturesOpenApi(registry);
    registerDomainsOpenApi(registry);
    registerResolutionOpenApi(registry);
  },
  onStarted: async (runtime, app) => {
    const grpc = app.get(TenantDirectoryGrpcServer, { strict: false });
    await grpc.start(runtime.config.HTTP_HOST, runtime.config.GRPC_PORT);
    return () => grpc.stop();
  },
};
