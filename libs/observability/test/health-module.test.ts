import 'reflect-metadata';
import { type CanActivate, Controller, type ExecutionContext, Get, Injectable, Module } from '@nestjs/common';
import { APP_GUARD, NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HealthModule } from '../src/health/health.module.js';
import { HealthRegistry } from '../src/health/health.registry.js';
import { PUBLIC_ROUTE_KEY } from '../src/health/public-route.decorator.js';
import { createLogger } from '../src/logging/logger.factory.js';
import { PinoNestLogger } from '../src/logging/pino-nest.logger.js';
import { instrumentFastify } from '../src/metrics/fastify-metrics.hook.js';
import { createMetrics } from '../src/metrics/service-metrics.js';
import { sampleValue } from './support/prometheus-text.js';

/** Stands in for the internal-auth guard of @haat/tenant: only routes marked public pass unsigned. */
@Injectable()
class PublicOnlyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}
  canActivate(host: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE_KEY, [host.getHandler(), host.getClass()]) ===
      true
    );
  }
}

@Controller('orders')
class OrdersController {
  @Get()
  list(): string[] {
    return [];
  }
}

describe('HealthModule on Nest with Fastify', () => {
  const logLines: Record<string, unknown>[] = [];
  const destination: DestinationStream = { write: (line: string) => logLines.push(JSON.parse(line)) };
  const registry = new HealthRegistry();
  const metrics = createMetrics({ service: 'orders-service' });
  const state = { database: 'up' as 'up' | 'down' | 'hung' };
  let app: NestFastifyApplication;
  let base = '';

  beforeAll(async () => {
    registry.register(
      'database',
      async () => {
        if (state.database === 'down') throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        if (state.database === 'hung') await new Promise(() => undefined);
      },
      { timeoutMs: 100 },
    );
    registry.register('bus', () => undefined);

    @Module({
      imports: [HealthModule.forRoot(registry, metrics)],
      controllers: [OrdersController],
      providers: [{ provide: APP_GUARD, useClass: PublicOnlyGuard }],
    })
    class AppModule {}

    const adapter = new FastifyAdapter();
    instrumentFastify(adapter.getInstance(), metrics);
    app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
      logger: new PinoNestLogger(createLogger({ service: 'orders-service', destination })),
    });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app.close());
  beforeEach(() => {
    state.database = 'up';
  });

  it('answers live with ok', async () => {
    const response = await fetch(`${base}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers ready with 200 and every check when all pass', async () => {
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'ok' }, bus: { status: 'ok' } },
    });
  });

  it('answers ready with 503 naming the check that throws', async () => {
    state.database = 'down';
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'error',
      checks: {
        database: { status: 'error', error: 'connect ECONNREFUSED 127.0.0.1:5432' },
        bus: { status: 'ok' },
      },
    });
  });

  it('answers ready with 503 naming the check that times out', async () => {
    state.database = 'hung';
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      checks: { database: { status: 'error', error: 'timed out after 100 ms' } },
    });
  });

  it('serves /metrics as Prometheus text, counting requests by route pattern', async () => {
    await fetch(`${base}/health/live`);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(
      sampleValue(text, 'http_server_requests_total', {
        method: 'GET',
        route: '/health/live',
        status: '200',
        service: 'orders-service',
      }),
    ).toBeGreaterThanOrEqual(2);
    expect(sampleValue(text, 'http_server_requests_total', { route: '/health/ready', status: '503' })).toBe(
      2,
    );
  });

  it('lets probes through a guard that refuses every route not marked public', async () => {
    expect((await fetch(`${base}/orders`)).status).toBe(403);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
  });

  it('writes Nest’s own start-up lines through pino as JSON', () => {
    const mapped = logLines.find(
      (line) => line['context'] === 'RouterExplorer' && String(line['msg']).includes('/health/ready'),
    );
    expect(mapped).toMatchObject({ service: 'orders-service', level: 'info' });
    expect(logLines.some((line) => line['context'] === 'NestApplication')).toBe(true);
  });
});
