import { describe, expect, it } from 'vitest';
import { distanceKm } from './geo-distance.js';

describe('distanceKm', () => {
  it('measures Dhaka to Chattogram at about 215 km', () => {
    const dhaka = { latitude: 23.8103, longitude: 90.4125 };
    const chattogram = { latitude: 22.3569, longitude: 91.7832 };
    expect(distanceKm(dhaka, chattogram)).toBeGreaterThan(205);
    expect(distanceKm(dhaka, chattogram)).toBeLessThan(225);
  });

  it('is zero for the same point and symmetric', () => {
    const p = { latitude: 1, longitude: 2 };
    const q = { latitude: -3, longitude: 4 };
    expect(distanceKm(p, p)).toBe(0);
    expect(distanceKm(p, q)).toBeCloseTo(distanceKm(q, p), 9);
  });
});
