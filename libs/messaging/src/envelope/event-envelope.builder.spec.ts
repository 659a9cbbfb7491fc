import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, isUuidV7, newId } from '@haat/common';
import { EventEnvelopeSchema, defineEvent } from '@haat/contracts';
import { envelope } from './event-envelope.builder.js';

const StockReservedV1 = defineEvent(
  'inventory.stock-reserved.v1',
  z.object({ orderId: z.string().uuid(), quantity: z.number().int().positive() }),
);
const tenantId = newId();
const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('envelope', () => {
  it('builds a valid envelope carrying the tenant and trace of the context', () => {
    const orderId = newId();
    const built = envelope(
      StockReservedV1,
      { tenantId, traceparent },
      {
        aggregateType: 'order',
        aggregateId: orderId,
        payload: { orderId, quantity: 2 },
      },
    );
    expect(EventEnvelopeSchema.parse(built)).toEqual(built);
    expect(isUuidV7(built.id)).toBe(true);
    expect(built).toMatchObject({ type: 'inventory.stock-reserved.v1', tenantId, traceparent });
    expect(built.payload).toEqual({ orderId, quantity: 2 });
  });

  it('lets a platform event name the tenant it is about', () => {
    const other = newId();
    const built = envelope(
      StockReservedV1,
      { tenantId: null },
      {
        aggregateType: 'order',
        aggregateId: 'o-1',
        payload: { orderId: newId(), quantity: 1 },
        tenantId: other,
      },
    );
    expect(built.tenantId).toBe(other);
    expect(built.traceparent).toBeUndefined();
  });

  it('refuses a payload that does not match the event schema, naming the field', () => {
    const attempt = () =>
      envelope(
        StockReservedV1,
        { tenantId },
        {
          aggregateType: 'order',
          aggregateId: 'o-1',
          payload: { orderId: newId(), quantity: 0 },
        },
      );
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/quantity/);
  });
});
