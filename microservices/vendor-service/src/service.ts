import { fileURLToPath } from 'node:url';
import { type Clock, systemClock } from '@haat/common';
import type { ServiceDefinition } from '@haat/service';
import { AppModule } from './app.module.js';
import { assertVendorSecrets, VendorServiceConfigSchema } from './config/vendor-service.config.js';
import { CommissionsGrpcServer } from './infrastructure/grpc/commissions.grpc-server.js';
import { registerBlocklistOpenApi } from './modules/blocklist/blocklist.openapi.js';
import { registerCommissionsOpenApi } from './modules/commissions/commissions.openapi.js';
import { registerComplianceOpenApi } from './modules/compliance/compliance.openapi.js';
import { registerMetricsOpenApi } from './modules/metrics/metrics.openapi.js';
import { registerPayoutsOpenApi } from './modules/payouts/payouts.openapi.js';
import { registerReportsOpenApi } from './modules/reports/reports.openapi.js';
import { registerVendorReviewsOpenApi } from './modules/reviews/vendor-reviews.openapi.js';
import { registerVendorsOpenApi } from './modules/vendors/vendors.openapi.js';

export interface VendorServiceOptions {
  /** The clock for commission effective dates, licence expiry and metric periods; tests pass a manual one. */
  clock?: Clock;
}

/**
 * vendor-service: vendor onboarding (apply → documents → compliance checks → approved /
 * rejected / suspended / reinstated), store settings, commission rules and their resolution
 * (REST and gRPC `haat.vendor.v1.Commissions` on `GRPC_PORT`), payout accounts encrypted at
 * rest, seller performance metrics, the PDF vendor report.
 */
export function createVendorService(
  options: VendorServiceOptions = {},
): ServiceDefinition<typeof VendorServiceConfigSchema> {
  return {
    name: 'vendor-service',
    configSchema: VendorServiceConfigSchema,
    rootModule: (runtime) => {
      assertVendorSecrets(runtime.config);
      return AppModule.forRoot(options.clock ?? systemClock);
    },
    // `../migrations` from both src/ (tests) and dist/ (built).
    migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
    openapi: (registry) => {
      registerVendorsOpenApi(registry);
      registerComplianceOpenApi(registry);
      registerVendorReviewsOpenApi(registry);
      registerPayoutsOpenApi(registry);
      registerBlocklistOpenApi(registry);
      registerCommissionsOpenApi(registry);
      registerMetricsOpenApi(registry);
      registerReportsOpenApi(registry);
    },
    onStarted: async (runtime, app) => {
      const grpc = app.get(CommissionsGrpcServer, { strict: false });
      await grpc.start(runtime.config.HTTP_HOST, runtime.config.GRPC_PORT);
      return () => grpc.stop();
    },
  };
}

export const vendorService = createVendorService();
