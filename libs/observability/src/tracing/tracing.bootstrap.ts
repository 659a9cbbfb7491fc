import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  InMemorySpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { ConflictError } from '@haat/common';
import { setTracerName } from './tracer-name.js';

/** Where finished spans go. */
export type TracingExporter =
  /** Nowhere: spans still exist, so ids reach logs and `traceparent` headers. */
  | 'none'
  /** Standard output, one span at a time (development). */
  | 'console'
  /** Kept in memory, read back with `handle.memory.getFinishedSpans()` (tests). */
  | 'memory'
  /** An OTLP/HTTP collector, e.g. `{ otlp: { url: 'http://collector:4318/v1/traces' } }`. */
  | { otlp: { url: string; headers?: Record<string, string> } }
  /** Any other OpenTelemetry exporter, batched. */
  | SpanExporter;

/** Options of {@link startTracing}. */
export interface StartTracingOptions {
  /** `service.name` on every span, and the tracer's name. */
  service: string;
  /** `service.version` on every span. */
  version?: string;
  /** Default `'none'`. */
  exporter?: TracingExporter;
}

/** The running tracer provider. */
export interface TracingHandle {
  /** The in-memory exporter when `exporter: 'memory'` was chosen. */
  readonly memory: InMemorySpanExporter | undefined;
  /** Exports every finished span now. */
  forceFlush(): Promise<void>;
  /** Flushes, stops the provider and unregisters the globals, so tracing can start again. */
  shutdown(): Promise<void>;
}

let running: TracingHandle | undefined;

function processorFor(exporter: TracingExporter): {
  processor: SpanProcessor | undefined;
  memory: InMemorySpanExporter | undefined;
} {
  if (exporter === 'none') return { processor: undefined, memory: undefined };
  if (exporter === 'console') {
    return { processor: new SimpleSpanProcessor(new ConsoleSpanExporter()), memory: undefined };
  }
  if (exporter === 'memory') {
    // Simple (not batched) so a test sees a span as soon as it ends.
    const memory = new InMemorySpanExporter();
    return { processor: new SimpleSpanProcessor(memory), memory };
  }
  if ('otlp' in exporter) {
    const otlp = new OTLPTraceExporter({ url: exporter.otlp.url, headers: exporter.otlp.headers });
    return { processor: new BatchSpanProcessor(otlp), memory: undefined };
  }
  return { processor: new BatchSpanProcessor(exporter), memory: undefined };
}

/**
 * Starts the process's OpenTelemetry tracer provider: W3C trace-context propagation, an
 * AsyncLocalStorage context manager (the active span follows `await`), and the chosen exporter.
 * The provider is process-wide (OpenTelemetry's globals): a second start before `shutdown()`
 * throws `TRACING_ALREADY_STARTED`.
 */
export function startTracing(options: StartTracingOptions): TracingHandle {
  if (running) {
    throw new ConflictError('TRACING_ALREADY_STARTED', 'Tracing is already started in this process');
  }
  const { processor, memory } = processorFor(options.exporter ?? 'none');
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.service,
      ...(options.version ? { [ATTR_SERVICE_VERSION]: options.version } : {}),
    }),
    spanProcessors: processor ? [processor] : [],
  });
  provider.register({
    contextManager: new AsyncLocalStorageContextManager(),
    propagator: new W3CTraceContextPropagator(),
  });
  setTracerName(options.service);

  const handle: TracingHandle = {
    memory,
    forceFlush: () => provider.forceFlush(),
    shutdown: async () => {
      if (running !== handle) return;
      running = undefined;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      setTracerName(undefined);
    },
  };
  running = handle;
  return handle;
}
