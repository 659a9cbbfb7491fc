import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import type { PlatformConfig } from '@haat/config';
import type { Database } from '@haat/database';
import type { EventTransport } from '@haat/messaging';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { z } from 'zod';

/** Everything a running service instance has: handed to its root module and start hooks. */
export interface ServiceRuntime<C extends PlatformConfig = PlatformConfig> {
  name: string;
  config: C;
  database: Database;
  /** Where the outbox relay publishes and consumers subscribe. */
  transport: EventTransport;
}

/**
 * What a service declares once in its `src/service.ts`; `startService` does the rest the same
 * way for every service (config, database, migrations, Nest on Fastify, guard, filter, health,
 * metrics, OpenAPI).
 */
export interface ServiceDefinition<S extends z.ZodObject = z.ZodObject> {
  /** `tenant-service`. */
  name: string;
  /** The service's own variables; merged with the platform's. */
  configSchema: S;
  /** The root Nest module, built for this runtime. */
  rootModule: (runtime: ServiceRuntime<PlatformConfig & z.output<S>>) => DynamicModule | Type;
  /** drizzle-kit's output folder of this service. */
  migrationsFolder: string;
  /** Registers the service's public routes and schemas for its OpenAPI document. */
  openapi?: (registry: OpenAPIRegistry) => void;
  /** Runs after the HTTP server listens (gRPC servers, background jobs); returns a stopper. */
  onStarted?: (
    runtime: ServiceRuntime<PlatformConfig & z.output<S>>,
    app: INestApplication,
  ) => Promise<(() => Promise<void>) | void>;
}
