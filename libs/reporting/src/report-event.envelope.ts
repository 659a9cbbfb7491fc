import type { z } from 'zod';
import { newId } from '@haat/common';
import type { EventDefinition, EventEnvelope } from '@haat/contracts';
import type { Tx } from '@haat/database';
import type { TenantContext } from '@haat/tenant';

/**
 * Writes an event to the service's outbox inside `tx`, the transaction that changed the report
 * (the service passes its messaging outbox, e.g. `(tx, e) => outbox.add(tx, e)`). The reporting
 * lib never publishes by itself.
 */
export type EmitReportEvent = (tx: Tx, envelope: EventEnvelope) => Promise<void>;

/** An envelope for a report event: aggregate `report`, the tenant and trace of `ctx`. */
export function reportEnvelope<S extends z.ZodType>(
  ctx: TenantContext,
  event: EventDefinition<string, S>,
  reportId: string,
  payload: z.input<S>,
  occurredAt: Date,
): EventEnvelope<z.output<S>> {
  return {
    id: newId(),
    type: event.type,
    tenantId: ctx.tenantId,
    aggregateType: 'report',
    aggregateId: reportId,
    occurredAt: occurredAt.toISOString(),
    traceparent: ctx.traceparent,
    payload: event.schema.parse(payload),
  };
}
