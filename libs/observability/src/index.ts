export * from './logging/logger.factory.js';
export * from './logging/log-context.js';
export * from './logging/log-redaction.js';
export * from './logging/pino-nest.logger.js';
export * from './metrics/service-metrics.js';
export {
  COLLECTED_GAUGES,
  type CollectedGaugeName,
  type GaugeCollector,
  type GaugeSample,
} from './metrics/gauge-collectors.js';
export * from './metrics/fastify-metrics.hook.js';
export * from './tracing/tracing.bootstrap.js';
export * from './tracing/trace-context.js';
export * from './tracing/span-runner.js';
export { SpanKind, type Span } from '@opentelemetry/api';
export type { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-node';
export * from './health/health.schema.js';
export * from './health/health.registry.js';
export * from './health/public-route.decorator.js';
export * from './health/health.controller.js';
export * from './health/metrics.controller.js';
export * from './health/health.module.js';
