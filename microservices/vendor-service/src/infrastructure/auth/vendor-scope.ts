import type { RequestContext } from '@haat/tenant';

/**
 * Which vendors a caller acts for. Marketplace-wide callers (operator, tenant owner and staff,
 * the platform itself, a tenant's custom roles) reach every vendor of the tenant, as far as
 * their permissions go; vendor owners and staff only the vendors their roles name.
 */
export type VendorScope =
  { readonly kind: 'marketplace' } | { readonly kind: 'vendor'; readonly vendorIds: readonly string[] };

const MARKETPLACE_ROLES = new Set(['operator', 'tenant_owner', 'tenant_staff', 'system']);
const VENDOR_ROLES = new Set(['vendor_owner', 'vendor_staff']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "Which vendor is this caller", from the verified context only. A marketplace role wins. Else
 * the caller is confined to vendors when the gateway signed vendor ids (`x-haat-vendor-ids`,
 * from the access token's `vendors` claim: the `vendor:<id>` scopes of their grants) or they hold
 * a vendor role; the vendors are the signed ids plus any named by a scoped role
 * `vendor_owner:<vendorId>` / `vendor_staff:<vendorId>` (the form product- and inventory-service
 * also read). A vendor role without a usable vendor id reaches no vendor (fails closed). Anyone
 * else is marketplace-scoped and limited by their permissions. See docs/adr/0027-vendors-commission.md.
 */
export function vendorScopeOf(ctx: Pick<RequestContext, 'roles' | 'vendorIds'>): VendorScope {
  if (ctx.roles.some((r) => MARKETPLACE_ROLES.has(r))) return { kind: 'marketplace' };
  const vendorIds = new Set(
    (ctx.vendorIds ?? []).filter((id) => UUID.test(id)).map((id) => id.toLowerCase()),
  );
  let vendorRole = vendorIds.size > 0;
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

/** True when the scope reaches `vendorId`. */
export function reachesVendor(scope: VendorScope, vendorId: string): boolean {
  return scope.kind === 'marketplace' || scope.vendorIds.includes(vendorId.toLowerCase());
}
