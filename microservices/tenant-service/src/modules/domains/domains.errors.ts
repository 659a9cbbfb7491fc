/** Stable error codes of the domains feature. */
export const DOMAIN_ERRORS = {
  notFound: 'DOMAIN_NOT_FOUND',
  hostnameTaken: 'DOMAIN_HOSTNAME_TAKEN',
  notRemovable: 'DOMAIN_NOT_REMOVABLE',
  verificationFailed: 'DOMAIN_VERIFICATION_FAILED',
  dnsUnavailable: 'DOMAIN_DNS_UNAVAILABLE',
  tenantNotFound: 'TENANT_NOT_FOUND',
} as const;
