import {
  type Context,
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  isSpanContextValid,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * One W3C propagator used directly (not the global one) so `traceparent` handling is the same
 * whatever propagators a process registers globally.
 */
const w3c = new W3CTraceContextPropagator();

/** The ids of the active span, for log lines and error bodies. */
export interface TraceIds {
  traceId: string;
  spanId: string;
}

/** The trace and span ids of the span active in `ctx` (default: the current context), if any. */
export function activeTraceIds(ctx: Context = context.active()): TraceIds | undefined {
  const spanContext = trace.getSpanContext(ctx);
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}

/**
 * The W3C `traceparent` for the span active in `ctx` (default: the current context), to put on
 * an outgoing request or an event envelope; `undefined` when no span is active.
 */
export function injectTraceparent(ctx: Context = context.active()): string | undefined {
  const carrier: Record<string, string> = {};
  w3c.inject(ctx, carrier, defaultTextMapSetter);
  return carrier['traceparent'];
}

/**
 * `base` (default: the current context) with the remote parent named by `traceparent` made
 * active. A missing or malformed `traceparent` leaves `base` as it was, so work started from it
 * begins a new trace.
 */
export function extractTraceparent(
  traceparent: string | undefined,
  base: Context = context.active(),
): Context {
  if (!traceparent) return base;
  return w3c.extract(base, { traceparent }, defaultTextMapGetter);
}

/**
 * Runs `fn` with the remote parent from `traceparent` (an incoming header or an event
 * envelope's field) as the active span context, so spans started inside continue that trace.
 */
export function withExtractedContext<T>(traceparent: string | undefined, fn: () => T): T {
  return context.with(extractTraceparent(traceparent), fn);
}
