import { BUILT_IN_ROLE_PERMISSIONS, BUILT_IN_ROLES, type BuiltInRole } from '@haat/auth';

/** Roles whose grants must name a vendor (`vendor:<id>` scope). */
export const VENDOR_ROLES: readonly BuiltInRole[] = ['vendor_owner', 'vendor_staff'];

/** The tenant-wide scope of a grant (the platform, for operators). */
export const TENANT_SCOPE = 'tenant';

export function vendorScope(vendorId: string): string {
  return `vendor:${vendorId}`;
}

/** The vendor id of a `vendor:<id>` scope, else undefined. */
export function vendorOfScope(scope: string): string | undefined {
  return scope.startsWith('vendor:') ? scope.slice('vendor:'.length) : undefined;
}

export function isBuiltInRole(role: string): role is BuiltInRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(role);
}

export function builtInPermissions(role: BuiltInRole): readonly string[] {
  return BUILT_IN_ROLE_PERMISSIONS[role];
}
