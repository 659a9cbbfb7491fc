import 'reflect-metadata';
import { type DynamicModule, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  assertDistributedSecrets,
  loadConfig,
  type PlatformConfig,
  PlatformConfigSchema,
} from '@haat/config';
import { Database, runMigrations } from '@haat/database';
import { type EventTransport, NatsJetStreamTransport, OutboxRelay, outboxStats } from '@haat/messaging';
import { currentContext } from '@haat/tenant';
import {
  createLogger,
  createMetrics,
  HealthModule,
  HealthRegistry,
  instrumentFastify,
  PinoNestLogger,
  type ServiceMetrics,
  setLogContextProvider,
} from '@haat/observability';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { resolveServiceDatabase } from './database-urls.js';
import { createEventTransport } from './event-transport.factory.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { PlatformModule } from './platform.module.js';
import type { ServiceDefinition, ServiceRuntime } from './service-definition.js';

export interface StartServiceOptions {
  /** Environment to read instead of `process.env` (the embedded launcher passes one per service). */
  env?: Record<string, string | undefined>;
  /** Request body limit in bytes. */
  bodyLimit?: number;
  /** The transport to publish and consume on (the embedded launcher shares one in-process). */
  transport?: EventTransport;
}

export interface RunningService<C extends PlatformConfig = PlatformConfig> {
  name: string;
  /** `http://host:port` the service listens on. */
  url: string;
  app: INestApplication;
  runtime: ServiceRuntime<C>;
  health: HealthRegistry;
  metrics: ServiceMetrics;
  logger: Logger;
  close(): Promise<void>;
}

setLogContextProvider(() => {
  const ctx = currentContext();
  return { requestId: ctx?.requestId, tenantId: ctx?.tenantId ?? undefined };
});

/**
 * Starts one service the same way in every mode: typed config, its database (provisioned and
 * migrated), Nest on Fastify with the platform guard and error filter, health, metrics and its
 * OpenAPI document at `/openapi.json`.
 */
export async function startService<S extends z.ZodObject>(
  def: ServiceDefinition<S>,
  options: StartServiceOptions = {},
): Promise<RunningService<PlatformConfig & z.output<S>>> {
  const config = loadConfig(
    def.name,
    PlatformConfigSchema.extend(def.configSchema.shape),
    options.env,
  ) as PlatformConfig & z.output<S>;
  assertDistributedSecrets(config);
  const logger = createLogger({ service: def.name, level: config.LOG_LEVEL });
  const urls = await resolveServiceDatabase(def.name, config);
  await runMigrations({
    ownerUrl: urls.ownerUrl,
    migrationsFolder: def.migrationsFolder,
    appRole: urls.appRole,
  });
  const database = new Database({ url: urls.appUrl, applicationName: def.name });
  const { transport, owned } = await createEventTransport(def.name, config, logger, options.transport);
  const runtime: ServiceRuntime<PlatformConfig & z.output<S>> = {
    name: def.name,
    config,
    database,
    transport,
  };

  const health = new HealthRegistry();
  health.register('database', () => database.ping());
  if (transport instanceof NatsJetStreamTransport) {
    const nats = transport.connection;
    health.register('events', () => {
      if (nats.isClosed()) throw new Error('NATS connection closed');
    });
  }
  const metrics = createMetrics({ service: def.name });
  metrics.registerGaugeCollector('outbox_pending_events', async () => (await outboxStats(database)).pending);
  metrics.registerGaugeCollector(
    'outbox_lag_seconds',
    async () => (await outboxStats(database)).oldestPendingAgeSeconds,
  );
  const relay = new OutboxRelay({
    database,
    transport,
    logger,
    onPublished: (info) => metrics.recordEventsPublished(info.eventType),
  });

  @Module({})
  class ServiceRootModule {}
  const root: DynamicModule = {
    module: ServiceRootModule,
    imports: [
      PlatformModule.forRoot(runtime),
      HealthModule.forRoot(health, metrics),
      def.rootModule(runtime),
    ],
  };

  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    requestIdHeader: 'x-request-id',
  });
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    rawBody: true,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  instrumentFastify(fastify, metrics);
  const openapi = buildOpenApiDocument(def.name, def.openapi);
  fastify.get('/openapi.json', async () => openapi);

  await app.init();
  await relay.start();
  await app.listen({ port: config.HTTP_PORT, host: config.HTTP_HOST });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
  const url = `http://${config.HTTP_HOST}:${port}`;
  const stopExtras = (await def.onStarted?.(runtime, app)) ?? undefined;
  logger.info({ url }, `${def.name} started`);

  return {
    name: def.name,
    url,
    app,
    runtime,
    health,
    metrics,
    logger,
    async close() {
      if (stopExtras) await stopExtras();
      await relay.stop();
      await app.close();
      if (owned) await transport.close();
      await database.close();
    },
  };
}
