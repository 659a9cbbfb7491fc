import { createHash } from 'node:crypto';
import { fieldIssues } from '@haat/common';
import { EventEnvelopeSchema, type EventDefinition, type EventEnvelope } from '@haat/contracts';
import { MESSAGING_ERRORS } from '../messaging.errors.js';

export type ParsedMessage =
  | { kind: 'event'; envelope: EventEnvelope }
  /** Not a type this consumer handles. */
  | { kind: 'ignored'; eventType: string }
  /** Malformed: a dead letter, with what to file it under and why. */
  | { kind: 'invalid'; eventId: string; eventType: string | null; reason: string };

/**
 * Validates a delivered message: first as an envelope, then its payload against the schema of
 * its event type. The payload of the returned envelope is the schema's output.
 */
export function parseEventMessage(
  message: unknown,
  definitions: ReadonlyMap<string, EventDefinition>,
): ParsedMessage {
  const envelope = EventEnvelopeSchema.safeParse(message);
  if (!envelope.success) {
    return {
      kind: 'invalid',
      eventId: fallbackEventId(message),
      eventType: stringField(message, 'type') ?? null,
      reason: `${MESSAGING_ERRORS.envelopeInvalid}: ${describeIssues(envelope.error)}`,
    };
  }
  const definition = definitions.get(envelope.data.type);
  if (!definition) return { kind: 'ignored', eventType: envelope.data.type };
  const payload = definition.schema.safeParse(envelope.data.payload);
  if (!payload.success) {
    return {
      kind: 'invalid',
      eventId: envelope.data.id,
      eventType: envelope.data.type,
      reason: `${MESSAGING_ERRORS.payloadInvalid}: ${describeIssues(payload.error, 'payload')}`,
    };
  }
  return { kind: 'event', envelope: { ...envelope.data, payload: payload.data } };
}

function describeIssues(error: Parameters<typeof fieldIssues>[0], root?: string): string {
  return fieldIssues(error)
    .map((f) => `${root ? (f.field === '(root)' ? root : `${root}.${f.field}`) : f.field}: ${f.message}`)
    .join('; ');
}

/** The message's own id when it has one, else a stable digest, so redeliveries land on one row. */
function fallbackEventId(message: unknown): string {
  const id = stringField(message, 'id');
  if (id && id.length <= 200) return id;
  const text = typeof message === 'string' ? message : (JSON.stringify(message) ?? String(message));
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

function stringField(message: unknown, field: string): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const value = (message as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}
