import { describe, expect, it } from 'vitest';
import { reachesVendor, vendorScopeOf } from './vendor-scope.js';

const vendorA = '0190a4c6-1234-7abc-8def-0123456789ab';
const vendorB = '0190a4c6-1234-7abc-8def-0123456789ac';

describe('vendorScopeOf', () => {
  it('gives marketplace roles every vendor, even next to a vendor role', () => {
    for (const role of ['operator', 'tenant_owner', 'tenant_staff', 'system']) {
      const scope = vendorScopeOf({ roles: [role, `vendor_staff:${vendorA}`], vendorIds: [vendorA] });
      expect(scope).toEqual({ kind: 'marketplace' });
      expect(reachesVendor(scope, vendorB)).toBe(true);
    }
  });

  it('confines vendor people to the vendors the gateway signed', () => {
    const scope = vendorScopeOf({ roles: ['vendor_owner'], vendorIds: [vendorA] });
    expect(scope).toEqual({ kind: 'vendor', vendorIds: [vendorA] });
    expect(reachesVendor(scope, vendorB)).toBe(false);
    expect(vendorScopeOf({ roles: ['catalog-editor'], vendorIds: [vendorB] })).toEqual({
      kind: 'vendor',
      vendorIds: [vendorB],
    });
  });

  it('also reads vendors named by scoped roles', () => {
    const scope = vendorScopeOf({ roles: ['vendor_staff', `vendor_staff:${vendorA.toUpperCase()}`] });
    expect(scope).toEqual({ kind: 'vendor', vendorIds: [vendorA] });
    expect(reachesVendor(scope, vendorA)).toBe(true);
    expect(reachesVendor(scope, vendorB)).toBe(false);
  });

  it('reaches no vendor when a vendor role names none or a malformed one', () => {
    expect(vendorScopeOf({ roles: ['vendor_owner'] })).toEqual({ kind: 'vendor', vendorIds: [] });
    expect(vendorScopeOf({ roles: ['vendor_owner:not-a-uuid'] })).toEqual({ kind: 'vendor', vendorIds: [] });
  });

  it('treats a customer as marketplace-scoped: their permissions, not the scope, keep them out', () => {
    expect(vendorScopeOf({ roles: ['customer'] })).toEqual({ kind: 'marketplace' });
  });
});
