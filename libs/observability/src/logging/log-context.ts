import { activeTraceIds } from '../tracing/trace-context.js';

/** Returns the fields of the current request context (requestId, tenantId, …) to stamp on logs. */
export type LogContextProvider = () => Record<string, string | undefined>;

let provider: LogContextProvider = () => ({});

/**
 * Sets where log lines get their request fields from. The service kit wires this to the
 * request context of `@haat/tenant`; this lib does not import it so that it stays below it.
 */
export function setLogContextProvider(fn: LogContextProvider): void {
  provider = fn;
}

/** Clears the provider set by {@link setLogContextProvider}; log lines then carry trace ids only. */
export function resetLogContextProvider(): void {
  provider = () => ({});
}

/**
 * The fields every log line carries: the provider's defined values plus the active span's
 * `traceId` and `spanId`.
 */
export function currentLogContext(): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(provider())) {
    if (value !== undefined) fields[key] = value;
  }
  const ids = activeTraceIds();
  if (ids) {
    fields['traceId'] = ids.traceId;
    fields['spanId'] = ids.spanId;
  }
  return fields;
}
