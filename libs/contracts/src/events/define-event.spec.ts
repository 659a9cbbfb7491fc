import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEvent, EventEnvelopeSchema } from './define-event.js';
import { TenantCreatedV1 } from './tenant/tenant-events.js';

const envelope = {
  id: '01a213f2-d949-753d-b58d-e84666c4b101',
  type: 'tenant.created.v1',
  tenantId: '01a213f2-d366-71ca-b571-2cd199696fd9',
  aggregateType: 'tenant',
  aggregateId: '01a213f2-d366-71ca-b571-2cd199696fd9',
  occurredAt: '2026-11-25T18:00:00.000Z',
  payload: {
    tenantId: '01a213f2-d366-71ca-b571-2cd199696fd9',
    slug: 'demo',
    name: 'Demo',
    status: 'active',
    planCode: 'growth',
    defaultCurrency: 'BDT',
    defaultLocale: 'en',
  },
};

describe('event definitions', () => {
  it('refuse a type that is not domain.name.vN', () => {
    expect(() => defineEvent('OrderCreated', z.object({}))).toThrow();
    expect(defineEvent('order.created.v1', z.object({})).domain).toBe('order');
  });

  it('parse an envelope and validate its payload', () => {
    expect(TenantCreatedV1.parse(EventEnvelopeSchema.parse(envelope)).payload.slug).toBe('demo');
    expect(() =>
      TenantCreatedV1.parse({ ...envelope, payload: { ...envelope.payload, status: 'deleted' } }),
    ).toThrow();
    expect(() => TenantCreatedV1.parse({ ...envelope, type: 'tenant.updated.v1' })).toThrow(
      /Expected tenant.created.v1/,
    );
  });
});
