import { describe, expect, it } from 'vitest';
import { normaliseSteadfastStatus, statusOfSteadfast } from './steadfast-status.mapper.js';

describe('Steadfast statuses', () => {
  it('reads the capitalised spelling of the documentation example', () => {
    expect(normaliseSteadfastStatus('Delivered')).toBe('delivered');
    expect(statusOfSteadfast('Partial Delivered')).toBe('partially_delivered');
  });

  it('never treats an approval-pending outcome as final', () => {
    expect(statusOfSteadfast('delivered_approval_pending')).toBe('delivery_pending_approval');
    expect(statusOfSteadfast('cancelled_approval_pending')).toBe('delivery_pending_approval');
  });

  it('keeps the status on hold and unknown, and knows no invented status', () => {
    expect(statusOfSteadfast('hold')).toBeNull();
    expect(statusOfSteadfast('unknown')).toBeNull();
    expect(statusOfSteadfast('teleported')).toBeUndefined();
  });
});
