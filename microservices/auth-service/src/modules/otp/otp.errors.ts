export const OTP_ERRORS = {
  invalid: 'AUTH_OTP_INVALID',
} as const;
