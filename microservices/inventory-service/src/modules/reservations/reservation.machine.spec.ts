import { describe, expect, it } from 'vitest';
import { canTransition, RESERVATION_STATUSES } from './reservation.machine.js';

describe('reservation status machine', () => {
  it('lets an active reservation be committed, released or expired', () => {
    expect(canTransition('active', 'committed')).toBe(true);
    expect(canTransition('active', 'released')).toBe(true);
    expect(canTransition('active', 'expired')).toBe(true);
    expect(canTransition('active', 'rejected')).toBe(false);
  });

  it('treats every other status as final', () => {
    for (const from of RESERVATION_STATUSES.filter((s) => s !== 'active')) {
      for (const to of RESERVATION_STATUSES) expect(canTransition(from, to)).toBe(false);
    }
  });
});
