import { describe, expect, it } from 'vitest';
import { BANGLADESH_DISTRICTS } from './bangladesh-districts.data.js';
import { canonicalDistrict, resolveShippingZone } from './shipping-zone.resolver.js';

describe('resolveShippingZone', () => {
  it('knows all 64 districts in 8 divisions', () => {
    expect(Object.keys(BANGLADESH_DISTRICTS)).toHaveLength(8);
    expect(Object.values(BANGLADESH_DISTRICTS).flat()).toHaveLength(64);
  });

  it('puts Dhaka city inside Dhaka and its suburbs apart', () => {
    expect(resolveShippingZone({ country: 'BD', district: 'Dhaka', area: 'Dhanmondi' })).toBe('inside_dhaka');
    expect(resolveShippingZone({ country: 'BD', district: 'dhaka' })).toBe('inside_dhaka');
    expect(resolveShippingZone({ country: 'BD', district: 'Dhaka', area: 'Savar' })).toBe('dhaka_suburbs');
    expect(resolveShippingZone({ country: 'BD', district: 'Gazipur', area: 'Tongi' })).toBe('dhaka_suburbs');
    expect(resolveShippingZone({ country: 'BD', district: 'Narayanganj' })).toBe('dhaka_suburbs');
  });

  it('reads other spellings of districts outside Dhaka', () => {
    expect(resolveShippingZone({ country: 'BD', district: 'Chittagong' })).toBe('outside_dhaka');
    expect(canonicalDistrict("cox's bazar")).toBe("Cox's Bazar");
    expect(resolveShippingZone({ country: 'bd', district: 'Jessore' })).toBe('outside_dhaka');
  });

  it('calls a foreign address international and an unknown district no zone', () => {
    expect(resolveShippingZone({ country: 'IN', district: 'Kolkata' })).toBe('international');
    expect(resolveShippingZone({ country: 'BD', district: 'Atlantis' })).toBeUndefined();
  });
});
