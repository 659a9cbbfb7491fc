import { describe, expect, it } from 'vitest';
import { assertVendorAccess, scopeCovers, vendorForNewProduct, vendorScopeOf } from './vendor-scope.js';

const v1 = '0190a4c6-1234-7abc-8def-0123456789ab';
const v2 = '0190a4c6-1234-7abc-8def-0123456789ac';

describe('vendorScopeOf', () => {
  it('gives tenant staff and owners every vendor', () => {
    expect(vendorScopeOf({ roles: ['tenant_staff'] })).toEqual({ kind: 'tenant' });
    expect(vendorScopeOf({ roles: ['customer', 'tenant_owner'] })).toEqual({ kind: 'tenant' });
  });

  it('binds vendor staff to the vendors named in their roles', () => {
    expect(vendorScopeOf({ roles: [`vendor_staff:${v1}`, `vendor_owner:${v2.toUpperCase()}`] })).toEqual({
      kind: 'vendors',
      vendorIds: [v1, v2],
    });
  });

  it('gives a bare vendor role or a customer no vendor at all', () => {
    expect(vendorScopeOf({ roles: ['vendor_staff', 'customer', 'vendor_staff:not-a-uuid'] })).toEqual({
      kind: 'vendors',
      vendorIds: [],
    });
  });
});

describe('vendor access', () => {
  it("refuses another vendor's product", () => {
    const scope = vendorScopeOf({ roles: [`vendor_staff:${v1}`] });
    expect(() => assertVendorAccess(scope, v1)).not.toThrow();
    expect(() => assertVendorAccess(scope, v2)).toThrow(
      expect.objectContaining({ code: 'PRODUCT_VENDOR_FORBIDDEN' }),
    );
  });

  it("defaults a new product to the vendor user's only vendor and requires one from staff", () => {
    expect(vendorForNewProduct(vendorScopeOf({ roles: [`vendor_staff:${v1}`] }), undefined)).toBe(v1);
    expect(() => vendorForNewProduct({ kind: 'tenant' }, undefined)).toThrow(
      expect.objectContaining({ code: 'PRODUCT_VENDOR_REQUIRED' }),
    );
    expect(vendorForNewProduct({ kind: 'tenant' }, v2)).toBe(v2);
  });
});

describe('vendor scope from the signed vendor ids', () => {
  it('reaches exactly the vendors the gateway signed into the context', () => {
    const a = '01960000-0000-7000-8000-00000000a001';
    const b = '01960000-0000-7000-8000-00000000a002';
    const scope = vendorScopeOf({ roles: ['vendor_staff'], vendorIds: [a] });
    expect(scopeCovers(scope, a)).toBe(true);
    expect(scopeCovers(scope, b)).toBe(false);
  });
});
