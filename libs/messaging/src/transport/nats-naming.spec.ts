import { describe, expect, it } from 'vitest';
import { NatsNaming } from './nats-naming.js';

describe('NatsNaming', () => {
  const naming = new NatsNaming();

  it('gives each event type its own subject and each domain its own stream', () => {
    expect(naming.subject('order.created.v1')).toBe('haat.order.created.v1');
    expect(naming.stream(naming.domainOf('order.created.v1'))).toBe('HAAT_ORDER');
    expect(naming.domainSubjects('order')).toBe('haat.order.>');
    expect(naming.stream('tenant-billing')).toBe('HAAT_TENANT_BILLING');
  });

  it('reads the event type back from a subject', () => {
    expect(naming.eventTypeOf('haat.order.created.v1')).toBe('order.created.v1');
    expect(naming.eventTypeOf('other.order.created.v1')).toBeUndefined();
  });

  it('makes consumer names safe for NATS', () => {
    expect(naming.durable('order-service.reserve-stock')).toBe('order-service_reserve-stock');
    expect(naming.durable('a b*c>d')).toBe('a_b_c_d');
  });

  it('keeps test prefixes apart from the platform streams', () => {
    const test = new NatsNaming('haat-t-1a2b');
    expect(test.subject('order.created.v1')).toBe('haat-t-1a2b.order.created.v1');
    expect(test.stream('order')).toBe('HAAT_T_1A2B_ORDER');
  });

  it('refuses a prefix that is not one subject token', () => {
    expect(() => new NatsNaming('haat.x')).toThrow(/prefix/);
  });
});
