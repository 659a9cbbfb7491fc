/** Stable error codes of the recipients and preferences feature. */
export const RECIPIENT_ERRORS = {
  notFound: 'NOTIFICATION_RECIPIENT_NOT_FOUND',
  categoryMandatory: 'NOTIFICATION_CATEGORY_MANDATORY',
  userRequired: 'NOTIFICATION_USER_REQUIRED',
} as const;
