import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { startSpan } from './span-runner.js';
import { injectTraceparent, withExtractedContext } from './trace-context.js';
import { startTracing, type TracingHandle } from './tracing.bootstrap.js';

const REMOTE_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const REMOTE_SPAN_ID = '00f067aa0ba902b7';
const REMOTE = `00-${REMOTE_TRACE_ID}-${REMOTE_SPAN_ID}-01`;

function finished(handle: TracingHandle) {
  const memory = handle.memory;
  if (!memory) throw new Error('memory exporter expected');
  return memory.getFinishedSpans();
}

describe('trace context propagation', () => {
  let tracing: TracingHandle;
  beforeAll(() => {
    tracing = startTracing({ service: 'inventory-service', exporter: 'memory' });
  });
  afterAll(() => tracing.shutdown());
  beforeEach(() => tracing.memory?.reset());

  it('continues the trace of an incoming traceparent, as a child of the remote span', async () => {
    await startSpan('order.created.v1 handle', () => undefined, {
      traceparent: REMOTE,
      kind: SpanKind.CONSUMER,
    });
    const [span] = finished(tracing);
    expect(span?.spanContext().traceId).toBe(REMOTE_TRACE_ID);
    expect(span?.parentSpanContext?.spanId).toBe(REMOTE_SPAN_ID);
    expect(span?.kind).toBe(SpanKind.CONSUMER);
    expect(span?.resource.attributes['service.name']).toBe('inventory-service');
  });

  it('continues the trace inside withExtractedContext', async () => {
    const traceId = await withExtractedContext(REMOTE, () =>
      startSpan('reserve', (span) => span.spanContext().traceId),
    );
    expect(traceId).toBe(REMOTE_TRACE_ID);
  });

  it('starts a new trace when the traceparent is missing or malformed', async () => {
    await startSpan('a', () => undefined, { traceparent: 'not-a-traceparent' });
    await withExtractedContext(undefined, () => startSpan('b', () => undefined));
    const spans = finished(tracing);
    expect(spans).toHaveLength(2);
    for (const span of spans) {
      expect(span.spanContext().traceId).not.toBe(REMOTE_TRACE_ID);
      expect(span.parentSpanContext).toBeUndefined();
    }
    expect(spans[0]?.spanContext().traceId).not.toBe(spans[1]?.spanContext().traceId);
  });

  it('injects the active span as the traceparent, across awaits', async () => {
    const [injected, ids] = await startSpan('publish', async (span) => {
      await new Promise((resolve) => setImmediate(resolve));
      return [injectTraceparent(), span.spanContext()] as const;
    });
    expect(injected).toBe(`00-${ids.traceId}-${ids.spanId}-01`);
  });

  it('injects nothing outside a span', () => {
    expect(injectTraceparent()).toBeUndefined();
  });

  it('nests spans started inside another span', async () => {
    await startSpan('outer', () => startSpan('inner', () => undefined));
    const [inner, outer] = finished(tracing);
    expect(inner?.name).toBe('inner');
    expect(inner?.parentSpanContext?.spanId).toBe(outer?.spanContext().spanId);
    expect(inner?.spanContext().traceId).toBe(outer?.spanContext().traceId);
  });

  it('records a thrown error on the span, ends it and rethrows', async () => {
    await expect(
      startSpan('charge', () => {
        throw new Error('card declined');
      }),
    ).rejects.toThrow('card declined');
    const [span] = finished(tracing);
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'card declined' });
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
  });
});
