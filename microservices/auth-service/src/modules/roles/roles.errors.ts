/** Stable error codes of roles, grants and vendor staff. Never rename one. */
export const ROLE_ERRORS = {
  roleExists: 'AUTH_ROLE_EXISTS',
  roleReserved: 'AUTH_ROLE_RESERVED',
  roleNotFound: 'AUTH_ROLE_NOT_FOUND',
  roleInUse: 'AUTH_ROLE_IN_USE',
  permissionNotGrantable: 'AUTH_PERMISSION_NOT_GRANTABLE',
  roleNotGrantable: 'AUTH_ROLE_NOT_GRANTABLE',
  vendorRequired: 'AUTH_ROLE_VENDOR_REQUIRED',
  vendorScopeDenied: 'AUTH_VENDOR_SCOPE_DENIED',
  grantNotFound: 'AUTH_GRANT_NOT_FOUND',
} as const;
