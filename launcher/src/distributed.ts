import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '@haat/observability';
import type { LauncherConfig } from './launcher-config.js';
import { gatewayEnv, serviceEnv } from './service-env.js';
import { SERVICES } from './service-registry.js';

interface Supervised {
  name: string;
  script: string;
  env: Record<string, string | undefined>;
  child?: ChildProcess;
  restarts: number[];
}

/**
 * Distributed mode on one machine: one process per service (`node <dir>/dist/main.js`) and the
 * gateway, against PostgreSQL (each service provisions its own database and roles from
 * `DATABASE_ADMIN_URL`), NATS JetStream and Redis. A crashed process is restarted with backoff.
 * On Kubernetes each is its own Deployment instead (infra/kubernetes).
 */
export async function runDistributed(config: LauncherConfig): Promise<{ stop(): Promise<void> }> {
  const logger = createLogger({ service: 'launcher', level: config.LOG_LEVEL });
  const shared = {
    DATABASE_ADMIN_URL: config.DATABASE_ADMIN_URL,
    NATS_URL: config.NATS_URL,
    REDIS_URL: config.REDIS_URL,
  };
  const procs: Supervised[] = [
    ...SERVICES.map((s) => ({
      name: s.name,
      script: `${s.dir}/dist/main.js`,
      env: serviceEnv(config, s, shared),
      restarts: [],
    })),
    {
      name: 'api-gateway',
      script: 'api-gateway/dist/main.js',
      env: gatewayEnv(config, { REDIS_URL: config.REDIS_URL }),
      restarts: [],
    },
  ];
  let stopping = false;

  const launch = (p: Supervised) => {
    const child = spawn(process.execPath, [p.script], {
      env: p.env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    p.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${line}\n`));
    }
    child.on('exit', (code, signal) => {
      if (stopping) return;
      const now = Date.now();
      p.restarts = [...p.restarts.filter((t) => now - t < 60_000), now];
      const delay = Math.min(30_000, 500 * 2 ** (p.restarts.length - 1));
      logger.error({ service: p.name, code, signal, restartInMs: delay }, 'process exited; restarting');
      void sleep(delay).then(() => !stopping && launch(p));
    });
  };
  for (const p of procs) launch(p);
  logger.info({ processes: procs.map((p) => p.name) }, 'distributed mode started');

  return {
    stop: async () => {
      stopping = true;
      await Promise.all(
        procs.map(
          (p) =>
            new Promise<void>((resolve) => {
              if (!p.child || p.child.exitCode !== null) return resolve();
              p.child.once('exit', () => resolve());
              p.child.kill('SIGTERM');
              setTimeout(() => p.child?.kill('SIGKILL'), 10_000).unref();
            }),
        ),
      );
    },
  };
}
