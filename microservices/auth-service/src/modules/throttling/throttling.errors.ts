export const THROTTLE_ERRORS = {
  throttled: 'AUTH_THROTTLED',
} as const;
