import type { z } from 'zod';
import { InternalError, fieldIssues, newId } from '@haat/common';
import type { EventDefinition, EventEnvelope } from '@haat/contracts';
import type { RequestContext } from '@haat/tenant';
import { MESSAGING_ERRORS } from '../messaging.errors.js';

/** What an envelope takes from the request context. */
export type EnvelopeContext = Pick<RequestContext, 'tenantId' | 'traceparent'>;

export interface EnvelopeFields<P> {
  aggregateType: string;
  aggregateId: string;
  payload: P;
  /** Overrides `ctx.tenantId`, e.g. a platform call announcing a tenant it just created. */
  tenantId?: string | null;
}

/** An envelope whose `type` and payload are those of one event definition. */
export type EnvelopeOf<D> =
  D extends EventDefinition<infer T, infer S> ? EventEnvelope<z.output<S>> & { type: T } : never;

/**
 * Builds the envelope of one event: a new UUIDv7 id, now as `occurredAt`, the tenant and trace
 * from `ctx`. The payload is validated here, at the producer: a bad payload is a bug of the
 * producing code and throws (`MESSAGING_PAYLOAD_INVALID`) before anything is written.
 */
export function envelope<T extends string, S extends z.ZodType>(
  definition: EventDefinition<T, S>,
  ctx: EnvelopeContext,
  fields: EnvelopeFields<z.input<S>>,
): EnvelopeOf<EventDefinition<T, S>> {
  const parsed = definition.schema.safeParse(fields.payload);
  if (!parsed.success) {
    const fieldsInError = fieldIssues(parsed.error);
    throw new InternalError(
      MESSAGING_ERRORS.payloadInvalid,
      `Invalid ${definition.type} payload: ${fieldsInError.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
      { eventType: definition.type, fields: fieldsInError },
    );
  }
  const built: EventEnvelope<z.output<S>> & { type: T } = {
    id: newId(),
    type: definition.type,
    tenantId: fields.tenantId === undefined ? ctx.tenantId : fields.tenantId,
    aggregateType: fields.aggregateType,
    aggregateId: fields.aggregateId,
    occurredAt: new Date().toISOString(),
    payload: parsed.data,
  };
  if (ctx.traceparent) built.traceparent = ctx.traceparent;
  return built as EnvelopeOf<EventDefinition<T, S>>;
}
