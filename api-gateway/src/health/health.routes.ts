import { HealthRegistry } from '@haat/observability';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { request } from 'undici';

/** Options of {@link registerHealthRoutes}. */
export interface HealthRoutesOptions {
  /** Service name → base URL; each must answer `GET /health/ready` with 200. */
  services: ReadonlyMap<string, string>;
  /** Extra checks of the gateway's own dependencies (Redis). */
  checks?: Record<string, () => Promise<unknown>>;
  timeoutMs?: number;
}

async function upstreamReady(baseUrl: string, timeoutMs: number): Promise<void> {
  const response = await request(new URL('/health/ready', baseUrl), {
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  await response.body.dump();
  if (response.statusCode !== 200) throw new Error(`/health/ready answered ${response.statusCode}`);
}

/**
 * `GET /health` and `/health/ready`: every upstream's readiness (and the gateway's own
 * dependencies), 200 when all are ready, else 503 listing each; `GET /health/live`: the gateway
 * process answers. Probes go straight to the services, not through the circuit breakers.
 */
export function registerHealthRoutes(app: FastifyInstance, options: HealthRoutesOptions): HealthRegistry {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const registry = new HealthRegistry({ defaultTimeoutMs: timeoutMs });
  for (const [service, baseUrl] of options.services) {
    registry.register(service, () => upstreamReady(baseUrl, timeoutMs));
  }
  for (const [name, check] of Object.entries(options.checks ?? {})) registry.register(name, check);

  const ready = async (_request: unknown, reply: FastifyReply) => {
    const report = await registry.ready();
    return reply
      .code(report.status === 'ok' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(report);
  };
  app.get('/health', ready);
  app.get('/health/ready', ready);
  app.get('/health/live', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send(registry.live()),
  );
  return registry;
}
