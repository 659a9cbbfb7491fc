import { ForbiddenError, ValidationError } from '@haat/common';
import type { RequestContext } from '@haat/tenant';

/**
 * Which vendors' products a caller may change: every vendor of the tenant (tenant staff and
 * owners, operators, the platform itself), only the vendors named in their roles (vendor staff
 * and owners), or none. A permission says what kind of action; this says which rows.
 */
export type VendorScope = { kind: 'tenant' } | { kind: 'vendors'; vendorIds: readonly string[] };

const TENANT_WIDE_ROLES = new Set(['operator', 'tenant_owner', 'tenant_staff', 'system']);
/** `vendor_staff:<vendorId>` or `vendor_owner:<vendorId>`: a vendor role bound to one vendor. */
const VENDOR_ROLE =
  /^vendor_(?:staff|owner):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The caller's vendor scope: the vendors the gateway signed into the context (`vendorIds`, from
 * the access token's `vendors` claim), plus any vendor role bound as `vendor_staff:<vendorId>`
 * (custom role grants); documented in docs/adr/0022-catalog-model.md.
 */
export function vendorScopeOf(ctx: Pick<RequestContext, 'roles' | 'vendorIds'>): VendorScope {
  if (ctx.roles.some((r) => TENANT_WIDE_ROLES.has(r))) return { kind: 'tenant' };
  const bound = ctx.roles.flatMap((r) => {
    const m = VENDOR_ROLE.exec(r);
    return m?.[1] ? [m[1].toLowerCase()] : [];
  });
  const vendorIds = [...bound, ...(ctx.vendorIds ?? []).map((id) => id.toLowerCase())];
  return { kind: 'vendors', vendorIds: [...new Set(vendorIds)] };
}

/** True when `scope` reaches `vendorId`'s products. */
export function scopeCovers(scope: VendorScope, vendorId: string): boolean {
  return scope.kind === 'tenant' || scope.vendorIds.includes(vendorId.toLowerCase());
}

/** Throws 403 `PRODUCT_VENDOR_FORBIDDEN` unless `scope` reaches `vendorId`. */
export function assertVendorAccess(scope: VendorScope, vendorId: string): void {
  if (!scopeCovers(scope, vendorId)) {
    throw new ForbiddenError('PRODUCT_VENDOR_FORBIDDEN', "You can only change your own vendor's products", {
      vendorId,
    });
  }
}

/**
 * The vendor a new product belongs to: the one asked for when the scope reaches it; a vendor
 * user's own vendor when they have exactly one and named none.
 */
export function vendorForNewProduct(scope: VendorScope, requested: string | undefined): string {
  if (requested !== undefined) {
    assertVendorAccess(scope, requested);
    return requested.toLowerCase();
  }
  if (scope.kind === 'vendors' && scope.vendorIds.length === 1 && scope.vendorIds[0]) {
    return scope.vendorIds[0];
  }
  throw new ValidationError('PRODUCT_VENDOR_REQUIRED', 'Say which vendor the product belongs to (vendorId)', {
    fields: [{ field: 'vendorId', message: 'required', code: 'custom' }],
  });
}
