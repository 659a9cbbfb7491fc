import { describe, expect, it } from 'vitest';
import { canMove, crossesShipped } from './shipment.machine.js';

describe('shipment status machine', () => {
  it('moves forward along the lifecycle', () => {
    expect(canMove('pending', 'booked')).toBe(true);
    expect(canMove('booked', 'picked_up')).toBe(true);
    expect(canMove('in_transit', 'delivered')).toBe(true);
  });

  it('never moves backwards, so a late in-transit report after delivery changes nothing', () => {
    expect(canMove('delivered', 'in_transit')).toBe(false);
    expect(canMove('out_for_delivery', 'picked_up')).toBe(false);
    expect(canMove('in_transit', 'in_transit')).toBe(false);
  });

  it('lets an approval-pending outcome still flip, but never a final one', () => {
    expect(canMove('delivery_pending_approval', 'cancelled')).toBe(true);
    expect(canMove('delivery_pending_approval', 'delivered')).toBe(true);
    expect(canMove('delivered', 'cancelled')).toBe(false);
    expect(canMove('cancelled', 'delivered')).toBe(false);
  });

  it('counts the parcel shipped the first time it reaches the courier, even when it skips pickup', () => {
    expect(crossesShipped('booked', 'picked_up')).toBe(true);
    expect(crossesShipped('booked', 'delivered')).toBe(true);
    expect(crossesShipped('picked_up', 'in_transit')).toBe(false);
    expect(crossesShipped('booked', 'cancelled')).toBe(false);
  });
});
