/** Stable error codes of the notification rules feature. */
export const RULE_ERRORS = {
  eventUnknown: 'NOTIFICATION_EVENT_UNKNOWN',
  channelUnsupported: 'NOTIFICATION_RULE_CHANNEL_UNSUPPORTED',
} as const;
