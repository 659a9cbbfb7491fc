import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGateway, loadGatewayConfig } from '@haat/api-gateway';
import { startEmbeddedPostgres } from '@haat/database';
import { InProcessTransport } from '@haat/messaging';
import { createLogger } from '@haat/observability';
import { type RunningService, startService } from '@haat/service';
import type { LauncherConfig } from './launcher-config.js';
import { gatewayEnv, serviceEnv } from './service-env.js';
import { type DemoSeedContext, SERVICES } from './service-registry.js';

export interface RunningPlatform {
  gatewayUrl: string;
  services: RunningService[];
  stop(): Promise<void>;
}

/**
 * Embedded mode: one embedded PostgreSQL under the data dir, every service as its own Nest app
 * in this process (own port, database and role), in-process events, the gateway in front; demo
 * data on the first start only.
 */
export async function runEmbedded(config: LauncherConfig & { dataDir: string }): Promise<RunningPlatform> {
  const logger = createLogger({ service: 'launcher', level: config.LOG_LEVEL });
  const started = Date.now();
  await mkdir(config.dataDir, { recursive: true });
  const postgres = await startEmbeddedPostgres({
    dataDir: join(config.dataDir, 'postgres'),
    port: config.HAAT_EMBEDDED_PG_PORT + config.HAAT_PORT_OFFSET,
    onLog: (line) => logger.debug({ postgres: line }),
  });
  logger.info({ adminUrl: postgres.adminUrl.replace(/:[^:@/]+@/, ':***@') }, 'embedded PostgreSQL started');

  // Held until every service has subscribed, so no early event reaches an empty room.
  const transport = new InProcessTransport({ paused: true, logger });
  const services: RunningService[] = [];
  const seeds: { name: string; run: (seed: DemoSeedContext) => Promise<DemoSeedContext> }[] = [];
  const stopAll = async () => {
    for (const s of [...services].reverse())
      await s.close().catch((err: unknown) => logger.error({ err, service: s.name }, 'stop failed'));
    await transport.close();
    await postgres.stop();
  };
  try {
    for (const entry of SERVICES) {
      const { definition, seedDemo } = await entry.load();
      const running = await startService(definition, {
        transport,
        env: serviceEnv(config, entry, {
          DATABASE_ADMIN_URL: postgres.adminUrl,
          NATS_URL: undefined,
          REDIS_URL: undefined,
        }),
      });
      services.push(running);
      if (seedDemo) seeds.push({ name: entry.name, run: (seed) => seedDemo(running, seed) });
    }
    transport.resume();

    const marker = join(config.dataDir, 'demo-seeded');
    if (config.HAAT_SEED_DEMO === 'auto' && !existsSync(marker)) {
      let seed: DemoSeedContext = {};
      for (const s of seeds) {
        seed = await s.run(seed);
        logger.info({ service: s.name }, 'demo data seeded');
      }
      await writeFile(marker, new Date().toISOString());
    }

    const gateway = await createGateway(loadGatewayConfig(gatewayEnv(config, { REDIS_URL: undefined })), {
      logger,
    });
    const gatewayUrl = await gateway.listen();
    logger.info(
      { gatewayUrl, startMs: Date.now() - started, rssMb: Math.round(process.memoryUsage().rss / 1e6) },
      'Haat is up',
    );
    return {
      gatewayUrl,
      services,
      stop: async () => {
        await gateway.close();
        await stopAll();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
