const LIB_TRACER = '@haat/observability';

let tracerName = LIB_TRACER;

/** Names the tracer {@link startSpan} uses: the service given to `startTracing`. */
export function setTracerName(name: string | undefined): void {
  tracerName = name ?? LIB_TRACER;
}

export function currentTracerName(): string {
  return tracerName;
}
