/** Stable error codes of the feature-toggle feature. */
export const FEATURE_ERRORS = {
  tenantNotFound: 'TENANT_NOT_FOUND',
} as const;
