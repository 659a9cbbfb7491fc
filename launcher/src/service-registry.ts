import type { RunningService, ServiceDefinition } from '@haat/service';
import type { z } from 'zod';

/** What the demo seeds of later services may need from earlier ones. */
export interface DemoSeedContext {
  tenantId?: string;
}

export interface RegisteredService {
  /** `tenant-service`. */
  name: string;
  /** Folder of the package, for distributed mode (`node <dir>/dist/main.js`). */
  dir: string;
  httpPort: number;
  grpcPort?: number;
  /** The gateway's variables for this upstream. */
  gatewayEnv: { http: string; grpc?: string };
  /** Loads the service's code (embedded mode only: distributed mode never imports it). */
  load(): Promise<{
    definition: ServiceDefinition<z.ZodObject>;
    seedDemo?: (service: RunningService, seed: DemoSeedContext) => Promise<DemoSeedContext>;
  }>;
}

/**
 * Every service the platform runs, in start order. Adding a service is one entry here (and its
 * routes one entry in the gateway's routing table).
 */
export const SERVICES: readonly RegisteredService[] = [
  {
    name: 'tenant-service',
    dir: 'microservices/tenant-service',
    httpPort: 4101,
    grpcPort: 5101,
    gatewayEnv: { http: 'TENANT_SERVICE_URL', grpc: 'TENANT_SERVICE_GRPC' },
    load: async () => {
      const m = await import('@haat/tenant-service');
      return {
        definition: m.tenantService as unknown as ServiceDefinition<z.ZodObject>,
        seedDemo: async (service, seed) => {
          const tenant = await m.seedDemoTenant(service.app);
          return { ...seed, tenantId: tenant.id };
        },
      };
    },
  },
];
