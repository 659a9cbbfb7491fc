/** Stable error codes of the local mailbox API. */
export const MAILBOX_ERRORS = {
  disabled: 'NOTIFICATION_MAILBOX_DISABLED',
  messageNotFound: 'NOTIFICATION_MAILBOX_MESSAGE_NOT_FOUND',
} as const;
