import { IdSchema } from '@haat/common';
import { describe, expect, it } from 'vitest';
import { derivedId } from './derived-id.js';

describe('derivedId', () => {
  it('is a valid UUID, the same for the same parts and different otherwise', () => {
    const a = derivedId('event-1', 'sub-order-1');
    expect(IdSchema.safeParse(a).success).toBe(true);
    expect(a[14]).toBe('8');
    expect(derivedId('event-1', 'sub-order-1')).toBe(a);
    expect(derivedId('event-1', 'sub-order-2')).not.toBe(a);
    expect(derivedId('event-1sub-order-1')).not.toBe(a);
  });
});
