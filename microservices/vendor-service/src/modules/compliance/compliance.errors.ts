/** Stable error codes of submissions and compliance checks. Never rename one. */
export const COMPLIANCE_ERRORS = {
  notSubmitted: 'VENDOR_NOT_SUBMITTED',
} as const;
