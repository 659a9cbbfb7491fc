import { describe, expect, it } from 'vitest';
import { pathaoEventOfName, statusOfPathaoEvent } from './pathao-status.mapper.js';

describe('Pathao statuses', () => {
  it('maps webhook events to shipment milestones', () => {
    expect(statusOfPathaoEvent('order.picked')).toBe('picked_up');
    expect(statusOfPathaoEvent('order.received-at-last-mile-hub')).toBe('in_transit');
    expect(statusOfPathaoEvent('order.delivered')).toBe('delivered');
    expect(statusOfPathaoEvent('order.partial-delivery')).toBe('partially_delivered');
    expect(statusOfPathaoEvent('order.delivery-failed')).toBe('delivery_failed');
  });

  it('keeps the status for events that are not milestones, and knows no invented ones', () => {
    expect(statusOfPathaoEvent('order.on-hold')).toBeNull();
    expect(statusOfPathaoEvent('order.paid')).toBeNull();
    expect(statusOfPathaoEvent('order.teleported')).toBeUndefined();
    expect(statusOfPathaoEvent('constructor')).toBeUndefined();
  });

  it('reads the display names the info endpoint answers', () => {
    expect(pathaoEventOfName('Pending')).toBe('order.created');
    expect(pathaoEventOfName('At the Sorting HUB')).toBe('order.at-the-sorting-hub');
    expect(pathaoEventOfName('Pickup')).toBe('order.picked');
    expect(pathaoEventOfName('in_transit')).toBe('order.in-transit');
    expect(pathaoEventOfName('Payment Invoice')).toBe('order.paid');
  });
});
