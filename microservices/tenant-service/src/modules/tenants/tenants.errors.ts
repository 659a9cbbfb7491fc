/** Stable error codes of the tenants feature: part of the public API, never renamed. */
export const TENANT_ERRORS = {
  notFound: 'TENANT_NOT_FOUND',
  slugTaken: 'TENANT_SLUG_TAKEN',
  planUnknown: 'TENANT_PLAN_UNKNOWN',
  alreadySuspended: 'TENANT_ALREADY_SUSPENDED',
  notSuspended: 'TENANT_NOT_SUSPENDED',
} as const;
