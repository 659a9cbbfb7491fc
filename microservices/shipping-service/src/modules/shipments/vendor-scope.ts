import type { RequestContext } from '@haat/tenant';

const MARKETPLACE_ROLES = new Set(['operator', 'tenant_owner', 'tenant_staff', 'system']);
const VENDOR_ROLES = new Set(['vendor_owner', 'vendor_staff']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which vendors' shipments the caller sees: undefined (all of the tenant's) for marketplace
 * roles, else the vendors named in scoped vendor roles (`vendor_owner:<vendorId>`, the form
 * inventory-service reads, docs/adr/0020) — none when a vendor role names no vendor.
 */
export function vendorFilterOf(ctx: Pick<RequestContext, 'roles'>): readonly string[] | undefined {
  if (ctx.roles.some((r) => MARKETPLACE_ROLES.has(r))) return undefined;
  const ids = new Set<string>();
  let vendorRole = false;
  for (const role of ctx.roles) {
    const [name = '', id = ''] = role.split(':', 2);
    if (!VENDOR_ROLES.has(name)) continue;
    vendorRole = true;
    if (UUID.test(id)) ids.add(id.toLowerCase());
  }
  return vendorRole ? [...ids] : undefined;
}
