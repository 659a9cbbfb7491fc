/** Stable error codes of the web push feature. */
export const PUSH_ERRORS = {
  disabled: 'NOTIFICATION_PUSH_DISABLED',
  subscriptionNotFound: 'NOTIFICATION_PUSH_SUBSCRIPTION_NOT_FOUND',
} as const;
