import { describe, expect, it } from 'vitest';
import { reachesVendor, vendorFilterOf, vendorScopeOf } from './vendor-scope.js';

const vendorA = '0190a4c6-1234-7abc-8def-0123456789ab';
const vendorB = '0190a4c6-1234-7abc-8def-0123456789ac';

describe('vendor scope from signed roles', () => {
  it('gives marketplace roles every vendor', () => {
    for (const role of ['operator', 'tenant_owner', 'tenant_staff', 'system']) {
      const scope = vendorScopeOf({ roles: [role, `vendor_staff:${vendorA}`] });
      expect(scope).toEqual({ kind: 'marketplace' });
      expect(reachesVendor(scope, vendorB)).toBe(true);
      expect(reachesVendor(scope, null)).toBe(true);
      expect(vendorFilterOf(scope)).toBeUndefined();
    }
  });

  it('limits vendor people to the vendors named in their scoped roles', () => {
    const scope = vendorScopeOf({ roles: ['vendor_staff', `vendor_staff:${vendorA.toUpperCase()}`] });
    expect(scope).toEqual({ kind: 'vendor', vendorIds: [vendorA] });
    expect(reachesVendor(scope, vendorA)).toBe(true);
    expect(reachesVendor(scope, vendorB)).toBe(false);
    expect(reachesVendor(scope, null)).toBe(false);
    expect(vendorFilterOf(scope)).toEqual([vendorA]);
  });

  it('takes the vendors signed in the identity’s vendorIds', () => {
    const scope = vendorScopeOf({ roles: ['vendor_staff'], vendorIds: [vendorB, vendorA] });
    expect(scope).toEqual({ kind: 'vendor', vendorIds: [vendorA, vendorB] });
    expect(vendorScopeOf({ roles: ['vendor_owner'], vendorIds: ['not-a-uuid'] })).toEqual({
      kind: 'vendor',
      vendorIds: [],
    });
  });

  it('fails closed for a vendor role without a usable vendor id', () => {
    expect(vendorScopeOf({ roles: ['vendor_owner'] })).toEqual({ kind: 'vendor', vendorIds: [] });
    expect(vendorScopeOf({ roles: ['vendor_owner:not-a-uuid'] })).toEqual({ kind: 'vendor', vendorIds: [] });
  });

  it('treats a tenant’s custom role as marketplace-wide', () => {
    expect(vendorScopeOf({ roles: ['warehouse_manager'] })).toEqual({ kind: 'marketplace' });
  });
});
