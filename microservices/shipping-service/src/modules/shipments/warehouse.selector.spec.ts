import { describe, expect, it } from 'vitest';
import { distanceKm, selectWarehouse } from './warehouse.selector.js';

const dhanmondi = { latitude: 23.7465, longitude: 90.376 };
const uttara = { latitude: 23.8759, longitude: 90.3795 };
const chattogram = { latitude: 22.3569, longitude: 91.7832 };

describe('selectWarehouse', () => {
  const warehouses = [
    { id: 'ctg', location: chattogram },
    { id: 'uttara', location: uttara },
    { id: 'nowhere', location: null },
  ];

  it('picks the nearest warehouse holding every line', () => {
    const stock: Record<string, number> = { 'ctg:A': 5, 'uttara:A': 5 };
    expect(
      selectWarehouse(warehouses, [{ sku: 'A', quantity: 2 }], (w, s) => stock[`${w}:${s}`] ?? 0, dhanmondi),
    ).toBe('uttara');
  });

  it('passes over a nearer warehouse that lacks a line', () => {
    const stock: Record<string, number> = { 'ctg:A': 5, 'ctg:B': 1, 'uttara:A': 5 };
    const lines = [
      { sku: 'A', quantity: 1 },
      { sku: 'B', quantity: 1 },
    ];
    expect(selectWarehouse(warehouses, lines, (w, s) => stock[`${w}:${s}`] ?? 0, dhanmondi)).toBe('ctg');
  });

  it('falls back to the nearest warehouse when none has the stock, and to null without warehouses', () => {
    expect(selectWarehouse(warehouses, [{ sku: 'Z', quantity: 1 }], () => 0, chattogram)).toBe('ctg');
    expect(selectWarehouse([], [{ sku: 'Z', quantity: 1 }], () => 0, chattogram)).toBeNull();
  });

  it('measures Dhanmondi to Uttara at about 14 km', () => {
    expect(distanceKm(dhanmondi, uttara)).toBeGreaterThan(13);
    expect(distanceKm(dhanmondi, uttara)).toBeLessThan(15);
  });
});
