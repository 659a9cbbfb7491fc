import type { RunningService, ServiceDefinition } from '@haat/service';
import type { z } from 'zod';

/** What the demo seeds of later services may need from earlier ones. */
export interface DemoSeedContext {
  tenantId?: string;
  vendorIds?: readonly string[];
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
  /** Extra variables of this service in embedded mode (data folders, extra ports). */
  embeddedEnv?: (ctx: { dataDir: string; portOffset: number }) => Record<string, string>;
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
  {
    name: 'auth-service',
    dir: 'microservices/auth-service',
    httpPort: 4102,
    gatewayEnv: { http: 'AUTH_SERVICE_URL' },
    load: async () => {
      const m = await import('@haat/auth-service');
      return {
        definition: m.authService as unknown as ServiceDefinition<z.ZodObject>,
        seedDemo: async (service, seed) => {
          if (!seed.tenantId) throw new Error('auth-service demo data needs the demo tenant');
          await m.seedAuthDemo(service.app, { tenantId: seed.tenantId });
          return { ...seed, vendorIds: m.DEMO_VENDOR_IDS };
        },
      };
    },
  },
  {
    name: 'notification-service',
    dir: 'microservices/notification-service',
    httpPort: 4114,
    gatewayEnv: { http: 'NOTIFICATION_SERVICE_URL' },
    embeddedEnv: ({ dataDir, portOffset }) => ({
      MAILBOX_DIR: `${dataDir}/mailbox`,
      MAILBOX_SMTP_PORT: String(2525 + portOffset),
    }),
    load: async () => {
      const m = await import('@haat/notification-service');
      return { definition: m.notificationService as unknown as ServiceDefinition<z.ZodObject> };
    },
  },
  {
    name: 'media-service',
    dir: 'microservices/media-service',
    httpPort: 4122,
    gatewayEnv: { http: 'MEDIA_SERVICE_URL' },
    embeddedEnv: ({ dataDir }) => ({
      MEDIA_LOCAL_DIR: `${dataDir}/media`,
      MEDIA_WORK_DIR: `${dataDir}/media-work`,
    }),
    load: async () => {
      const m = await import('@haat/media-service');
      return { definition: m.mediaService as unknown as ServiceDefinition<z.ZodObject> };
    },
  },
  {
    name: 'product-service',
    dir: 'microservices/product-service',
    httpPort: 4105,
    gatewayEnv: { http: 'PRODUCT_SERVICE_URL' },
    embeddedEnv: ({ dataDir }) => ({
      PRODUCT_IMPORT_DIR: `${dataDir}/product-imports`,
      REPORTS_DIR: `${dataDir}/reports/product-service`,
    }),
    load: async () => {
      const m = await import('@haat/product-service');
      return {
        definition: m.productService as unknown as ServiceDefinition<z.ZodObject>,
        seedDemo: async (service, seed) => {
          const [first, ...rest] = seed.vendorIds ?? [];
          if (!seed.tenantId || !first)
            throw new Error('the demo catalogue needs the demo tenant and vendors');
          await m.seedDemoCatalog(service.app, { tenantId: seed.tenantId, vendorIds: [first, ...rest] });
          return seed;
        },
      };
    },
  },
  {
    name: 'shipping-service',
    dir: 'microservices/shipping-service',
    httpPort: 4110,
    gatewayEnv: { http: 'SHIPPING_SERVICE_URL' },
    embeddedEnv: ({ dataDir }) => ({
      LABELS_DIR: `${dataDir}/labels`,
      REPORTS_DIR: `${dataDir}/reports/shipping-service`,
    }),
    load: async () => {
      const m = await import('@haat/shipping-service');
      return { definition: m.shippingService as unknown as ServiceDefinition<z.ZodObject> };
    },
  },
  {
    name: 'payment-service',
    dir: 'microservices/payment-service',
    httpPort: 4109,
    gatewayEnv: { http: 'PAYMENT_SERVICE_URL' },
    embeddedEnv: ({ dataDir }) => ({ REPORTS_DIR: `${dataDir}/reports/payment-service` }),
    load: async () => {
      const m = await import('@haat/payment-service');
      return { definition: m.paymentService as unknown as ServiceDefinition<z.ZodObject> };
    },
  },
  {
    name: 'vendor-service',
    dir: 'microservices/vendor-service',
    httpPort: 4104,
    grpcPort: 5104,
    gatewayEnv: { http: 'VENDOR_SERVICE_URL', grpc: 'VENDOR_SERVICE_GRPC' },
    embeddedEnv: ({ dataDir }) => ({ REPORTS_DIR: `${dataDir}/reports/vendor-service` }),
    load: async () => {
      const m = await import('@haat/vendor-service');
      return {
        definition: m.vendorService as unknown as ServiceDefinition<z.ZodObject>,
        seedDemo: async (service, seed) => {
          if (!seed.tenantId) throw new Error('the demo vendors need the demo tenant');
          await m.seedDemoVendors(service.app, { tenantId: seed.tenantId });
          return seed;
        },
      };
    },
  },
  {
    name: 'inventory-service',
    dir: 'microservices/inventory-service',
    httpPort: 4108,
    grpcPort: 5108,
    gatewayEnv: { http: 'INVENTORY_SERVICE_URL', grpc: 'INVENTORY_SERVICE_GRPC' },
    embeddedEnv: ({ dataDir }) => ({ REPORTS_DIR: `${dataDir}/reports/inventory-service` }),
    load: async () => {
      const m = await import('@haat/inventory-service');
      return { definition: m.inventoryService as unknown as ServiceDefinition<z.ZodObject> };
    },
  },
];
