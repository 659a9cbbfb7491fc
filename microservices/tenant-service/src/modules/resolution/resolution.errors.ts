/** Stable error codes of host resolution (the gateway maps them). */
export const RESOLUTION_ERRORS = {
  tenantNotFound: 'TENANT_NOT_FOUND',
} as const;
