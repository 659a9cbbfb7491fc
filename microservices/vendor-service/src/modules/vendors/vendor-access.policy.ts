import { Inject, Injectable } from '@nestjs/common';
import {
  BUILT_IN_ROLE_PERMISSIONS,
  hasPermission,
  permissionDenied,
  resolveIdentity,
  ROLE_PERMISSION_SOURCE,
  type RequiredPermission,
  type RolePermissionSource,
} from '@haat/auth';
import type { RequestContext } from '@haat/tenant';
import { reachesVendor, vendorScopeOf } from '../../infrastructure/auth/vendor-scope.js';
import { vendorAccessDenied } from './vendors.errors.js';
import type { VendorVisibility } from './vendors.repository.js';
import type { VendorRow } from './vendors.schema.js';

/**
 * What a caller may do with one vendor: the signed permissions when the caller's vendor scope
 * reaches it (marketplace staff, or the vendor's own people), plus the built-in `vendor_owner`
 * permissions for the account that applied for it — an applicant manages their application
 * (documents, payout account) before anyone granted them a vendor role.
 */
@Injectable()
export class VendorAccessPolicy {
  constructor(@Inject(ROLE_PERMISSION_SOURCE) private readonly roles: RolePermissionSource) {}

  async permissionsOver(
    ctx: RequestContext,
    vendor: Pick<VendorRow, 'id' | 'ownerUserId'>,
  ): Promise<string[]> {
    const granted = new Set<string>();
    const identity = await resolveIdentity(ctx, this.roles);
    if (identity && reachesVendor(vendorScopeOf(ctx), vendor.id)) {
      for (const p of identity.permissions) granted.add(p);
    }
    if (ctx.userId !== null && vendor.ownerUserId === ctx.userId) {
      for (const p of BUILT_IN_ROLE_PERMISSIONS.vendor_owner) granted.add(p);
    }
    return [...granted];
  }

  /**
   * 403 `VENDOR_ACCESS_DENIED` when the caller has nothing to do with this vendor, 403
   * `PERMISSION_DENIED` when they do but lack `permission`.
   */
  async assert(
    ctx: RequestContext,
    vendor: Pick<VendorRow, 'id' | 'ownerUserId'>,
    permission: RequiredPermission,
  ): Promise<void> {
    const granted = await this.permissionsOver(ctx, vendor);
    if (granted.length === 0) throw vendorAccessDenied(vendor.id);
    if (!hasPermission(granted, permission)) throw permissionDenied([permission]);
  }

  /** True when the caller holds `permission` over every vendor of the tenant. */
  async marketplaceWide(ctx: RequestContext, permission: RequiredPermission): Promise<boolean> {
    if (vendorScopeOf(ctx).kind !== 'marketplace') return false;
    const identity = await resolveIdentity(ctx, this.roles);
    return identity !== null && hasPermission(identity.permissions, permission);
  }

  /** Which vendors a list shows the caller: all (marketplace readers), else theirs and their own applications. */
  async visibility(ctx: RequestContext): Promise<VendorVisibility> {
    if (await this.marketplaceWide(ctx, 'vendor:read')) return { all: true };
    const scope = vendorScopeOf(ctx);
    const identity = await resolveIdentity(ctx, this.roles);
    const ids =
      scope.kind === 'vendor' && identity && hasPermission(identity.permissions, 'vendor:read')
        ? scope.vendorIds
        : [];
    return { all: false, ids, ownerUserId: ctx.userId };
  }
}
