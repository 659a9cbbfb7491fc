/** Stable error codes of payout accounts. Never rename one. */
export const PAYOUT_ERRORS = {
  notFound: 'VENDOR_PAYOUT_ACCOUNT_NOT_FOUND',
  alreadyVerified: 'VENDOR_PAYOUT_ACCOUNT_ALREADY_VERIFIED',
  checksFailed: 'VENDOR_PAYOUT_ACCOUNT_CHECKS_FAILED',
  unreadable: 'VENDOR_PAYOUT_ACCOUNT_UNREADABLE',
} as const;
