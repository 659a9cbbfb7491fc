/**
 * Which vendors' warehouses and stock a caller may see and change. Marketplace-wide callers
 * (operator, tenant owner and staff, the platform itself, a tenant's custom roles) reach every
 * vendor; vendor owners and staff only their own.
 */
export type VendorScope =
  { readonly kind: 'marketplace' } | { readonly kind: 'vendor'; readonly vendorIds: readonly string[] };

/** The part of the signed request context the scope is read from. */
export interface ScopedCaller {
  roles: readonly string[];
  /** The vendors the user acts for, signed by the gateway (`x-haat-vendor-ids`) once identity sends it. */
  vendorIds?: readonly string[];
}

const MARKETPLACE_ROLES = new Set(['operator', 'tenant_owner', 'tenant_staff', 'system']);
const VENDOR_ROLES = new Set(['vendor_owner', 'vendor_staff']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the vendor scope from the signed identity: the vendors in `vendorIds`, and — the form
 * assumed before identity carried them (docs/adr/0020-inventory-reservations.md) — a vendor
 * named in a scoped role, `vendor_owner:<vendorId>` or `vendor_staff:<vendorId>`. A vendor role
 * without any usable vendor id reaches nothing (fails closed).
 */
export function vendorScopeOf(ctx: ScopedCaller): VendorScope {
  if (ctx.roles.some((r) => MARKETPLACE_ROLES.has(r))) return { kind: 'marketplace' };
  const vendorIds = new Set(
    (ctx.vendorIds ?? []).filter((id) => UUID.test(id)).map((id) => id.toLowerCase()),
  );
  let vendorRole = false;
  for (const role of ctx.roles) {
    const at = role.indexOf(':');
    const name = at < 0 ? role : role.slice(0, at);
    if (!VENDOR_ROLES.has(name)) continue;
    vendorRole = true;
    const id = at < 0 ? '' : role.slice(at + 1);
    if (UUID.test(id)) vendorIds.add(id.toLowerCase());
  }
  return vendorRole ? { kind: 'vendor', vendorIds: [...vendorIds].sort() } : { kind: 'marketplace' };
}

/** True when the scope reaches things owned by `vendorId` (null: the marketplace's own). */
export function reachesVendor(scope: VendorScope, vendorId: string | null): boolean {
  return scope.kind === 'marketplace' || (vendorId !== null && scope.vendorIds.includes(vendorId));
}

/** The vendor ids a query must be limited to, or undefined for every vendor. */
export function vendorFilterOf(scope: VendorScope): readonly string[] | undefined {
  return scope.kind === 'marketplace' ? undefined : scope.vendorIds;
}
