import { type Attributes, context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { extractTraceparent } from './trace-context.js';
import { currentTracerName } from './tracer-name.js';

/** Options of {@link startSpan}. */
export interface StartSpanOptions {
  /** Continue this remote trace (an incoming header or an event envelope's field). */
  traceparent?: string;
  /** Default `INTERNAL`; `SERVER` for requests, `CONSUMER` for events, `PRODUCER` for publishes. */
  kind?: SpanKind;
  attributes?: Attributes;
}

/**
 * Runs `fn` inside a new active span named `name` and ends it when `fn` settles. The parent is
 * the remote span in `options.traceparent` when given and valid, otherwise the active span. A
 * thrown error is recorded on the span, which is marked failed, and rethrown.
 */
export async function startSpan<T>(
  name: string,
  fn: (span: Span) => Promise<T> | T,
  options: StartSpanOptions = {},
): Promise<T> {
  const parent = extractTraceparent(options.traceparent, context.active());
  const tracer = trace.getTracer(currentTracerName());
  return tracer.startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : String(error),
        });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
