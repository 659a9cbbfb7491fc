import { randomUUID } from 'node:crypto';
import { activeTraceIds, extractTraceparent, injectTraceparent } from '@haat/observability';

/** Random hex from `randomUUID` (served from a pre-filled entropy pool: no syscall per call). */
const randomHex = (length: number) => randomUUID().replaceAll('-', '').slice(0, length);

/** A new W3C `traceparent` starting a sampled trace. */
export function newTraceparent(): string {
  return `00-${randomHex(16)}${randomHex(16)}-${randomHex(16)}-01`;
}

/**
 * The `traceparent` to forward: the gateway's active span when tracing runs; otherwise the
 * client's trace continued with a new span id when its `traceparent` is valid; otherwise a new
 * trace. Every upstream call carries one.
 */
export function outgoingTraceparent(incoming: string | string[] | undefined): string {
  const active = injectTraceparent();
  if (active) return active;
  const header = Array.isArray(incoming) ? incoming[0] : incoming;
  const remote = header ? activeTraceIds(extractTraceparent(header)) : undefined;
  return remote && header
    ? `00-${remote.traceId}-${randomHex(16)}-${header.trim().slice(-2)}`
    : newTraceparent();
}
