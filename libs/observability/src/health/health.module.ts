import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceMetrics } from '../metrics/service-metrics.js';
import { HealthController } from './health.controller.js';
import { HealthRegistry } from './health.registry.js';
import { MetricsController } from './metrics.controller.js';

/**
 * Serves `/health/live`, `/health/ready` and, when `metrics` is given, `/metrics`. The
 * registry is exported so features can `register` their checks.
 */
@Module({})
export class HealthModule {
  static forRoot(registry: HealthRegistry, metrics?: ServiceMetrics): DynamicModule {
    return {
      module: HealthModule,
      global: true,
      controllers: metrics ? [HealthController, MetricsController] : [HealthController],
      providers: [
        { provide: HealthRegistry, useValue: registry },
        ...(metrics ? [{ provide: ServiceMetrics, useValue: metrics }] : []),
      ],
      exports: metrics ? [HealthRegistry, ServiceMetrics] : [HealthRegistry],
    };
  }
}
