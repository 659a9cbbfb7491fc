/** Stable error codes of deliveries and sending. */
export const DELIVERY_ERRORS = {
  notFound: 'NOTIFICATION_DELIVERY_NOT_FOUND',
  notRetryable: 'NOTIFICATION_DELIVERY_NOT_RETRYABLE',
  notSendable: 'NOTIFICATION_TEMPLATE_NOT_SENDABLE',
  recipientRequired: 'NOTIFICATION_RECIPIENT_REQUIRED',
  /** Recorded on deliveries (not thrown): why a message could not even be queued. */
  destinationInvalid: 'NOTIFICATION_DESTINATION_INVALID',
  templateError: 'NOTIFICATION_TEMPLATE_ERROR',
  templateMissing: 'NOTIFICATION_TEMPLATE_MISSING',
  expired: 'NOTIFICATION_EXPIRED',
  optedOut: 'NOTIFICATION_OPTED_OUT',
} as const;
