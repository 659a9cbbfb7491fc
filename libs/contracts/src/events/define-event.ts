import { z } from 'zod';

/** Event type strings are `<domain>.<past-tense-name>.v<N>`. */
export const EventTypeSchema = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v\d+$/);

/** The envelope every event travels in, whatever the transport. */
export const EventEnvelopeSchema = z.object({
  id: z.string().uuid(),
  type: EventTypeSchema,
  tenantId: z.string().uuid().nullable(),
  aggregateType: z.string().min(1).max(100),
  aggregateId: z.string().min(1).max(200),
  occurredAt: z.string().datetime({ offset: true }),
  traceparent: z.string().max(100).optional(),
  payload: z.unknown(),
});
export type EventEnvelope<P = unknown> = Omit<z.infer<typeof EventEnvelopeSchema>, 'payload'> & {
  payload: P;
};

/** A versioned event: its type string and the Zod schema of its payload. */
export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly schema: S;
  /** The domain (first segment of the type), used to pick the stream. */
  readonly domain: string;
  /** Parses an envelope of this type, validating its payload. Throws a ZodError on a bad payload. */
  parse(envelope: EventEnvelope): EventEnvelope<z.output<S>>;
}

export type EventPayload<D> = D extends EventDefinition<string, infer S> ? z.output<S> : never;

/**
 * Declares one event and version:
 * `export const TenantCreatedV1 = defineEvent('tenant.created.v1', z.object({ ... }))`.
 */
export function defineEvent<T extends string, S extends z.ZodType>(
  type: T,
  schema: S,
): EventDefinition<T, S> {
  EventTypeSchema.parse(type);
  const domain = type.split('.')[0] as string;
  return {
    type,
    schema,
    domain,
    parse(envelope) {
      if (envelope.type !== type) throw new Error(`Expected ${type}, got ${envelope.type}`);
      return { ...envelope, payload: schema.parse(envelope.payload) };
    },
  };
}
