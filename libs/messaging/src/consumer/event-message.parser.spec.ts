import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newId } from '@haat/common';
import { defineEvent, type EventDefinition } from '@haat/contracts';
import { parseEventMessage } from './event-message.parser.js';

const StockReservedV1 = defineEvent(
  'inventory.stock-reserved.v1',
  z.object({ orderId: z.string().uuid(), quantity: z.number().int().positive() }),
);
const definitions = new Map<string, EventDefinition>([[StockReservedV1.type, StockReservedV1]]);

function envelopeWith(payload: unknown, type: string = StockReservedV1.type) {
  return {
    id: newId(),
    type,
    tenantId: newId(),
    aggregateType: 'order',
    aggregateId: 'o-1',
    occurredAt: new Date().toISOString(),
    payload,
  };
}

describe('parseEventMessage', () => {
  it('returns the envelope with its validated payload', () => {
    const message = envelopeWith({ orderId: newId(), quantity: 3 });
    expect(parseEventMessage(message, definitions)).toEqual({ kind: 'event', envelope: message });
  });

  it('names the payload field that is wrong', () => {
    const message = envelopeWith({ orderId: newId(), quantity: -1 });
    const parsed = parseEventMessage(message, definitions);
    expect(parsed).toMatchObject({ kind: 'invalid', eventId: message.id, eventType: StockReservedV1.type });
    expect(parsed.kind === 'invalid' && parsed.reason).toMatch(
      /^MESSAGING_PAYLOAD_INVALID: payload\.quantity: /,
    );
  });

  it('files a message that is not an envelope under a digest of its content', () => {
    const first = parseEventMessage('not json at all', definitions);
    const again = parseEventMessage('not json at all', definitions);
    expect(first).toMatchObject({ kind: 'invalid', eventType: null });
    expect(first.kind === 'invalid' && first.eventId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(again).toEqual(first);
    expect(first.kind === 'invalid' && first.reason).toMatch(/^MESSAGING_ENVELOPE_INVALID/);
  });

  it('ignores event types the consumer does not handle', () => {
    const message = envelopeWith({}, 'inventory.stock-released.v1');
    expect(parseEventMessage(message, definitions)).toEqual({
      kind: 'ignored',
      eventType: 'inventory.stock-released.v1',
    });
  });
});
