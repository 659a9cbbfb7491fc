import { describe, expect, it } from 'vitest';
import { assertCanStart, canTransition, VENDOR_TRANSITIONS } from './vendor-onboarding.machine.js';
import { VENDOR_STATUSES } from './vendors.schema.js';

describe('vendor onboarding machine', () => {
  it('follows the happy path apply → submit → approve → suspend → reinstate', () => {
    expect(canTransition('submit', 'applied', 'submitted')).toBe(true);
    expect(canTransition('approve', 'submitted', 'approved')).toBe(true);
    expect(canTransition('suspend', 'approved', 'suspended')).toBe(true);
    expect(canTransition('reinstate', 'suspended', 'approved')).toBe(true);
  });

  it('lets a failed or rejected vendor resubmit, and a resubmission fail again', () => {
    expect(canTransition('submit', 'checks_failed', 'submitted')).toBe(true);
    expect(canTransition('submit', 'rejected', 'checks_failed')).toBe(true);
    expect(canTransition('submit', 'approved', 'submitted')).toBe(false);
  });

  it('refuses approving without passed checks and suspending what is not approved, with a code', () => {
    expect(() => assertCanStart('approve', 'checks_failed')).toThrow(
      expect.objectContaining({
        code: 'VENDOR_ILLEGAL_TRANSITION',
        details: expect.objectContaining({ from: 'checks_failed' }),
      }),
    );
    expect(() => assertCanStart('suspend', 'submitted')).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => assertCanStart('reinstate', 'approved')).toThrow();
  });

  it('names only real statuses', () => {
    for (const t of Object.values(VENDOR_TRANSITIONS)) {
      for (const s of [...t.from, ...t.to]) expect(VENDOR_STATUSES).toContain(s);
    }
  });
});
