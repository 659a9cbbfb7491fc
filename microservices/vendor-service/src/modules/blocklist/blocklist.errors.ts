/** Stable error codes of the seller blocklist. Never rename one. */
export const BLOCKLIST_ERRORS = {
  duplicate: 'VENDOR_BLOCKLIST_DUPLICATE',
  notFound: 'VENDOR_BLOCKLIST_ENTRY_NOT_FOUND',
} as const;
