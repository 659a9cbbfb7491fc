/** Stable error codes of accounts, registration, verification and passwords. Never rename one. */
export const ACCOUNT_ERRORS = {
  emailTaken: 'AUTH_EMAIL_TAKEN',
  phoneTaken: 'AUTH_PHONE_TAKEN',
  notFound: 'AUTH_ACCOUNT_NOT_FOUND',
  disabled: 'AUTH_ACCOUNT_DISABLED',
  invalidCredentials: 'AUTH_INVALID_CREDENTIALS',
  tokenInvalid: 'AUTH_TOKEN_INVALID',
  noPassword: 'AUTH_PASSWORD_NOT_SET',
  alreadyVerified: 'AUTH_EMAIL_ALREADY_VERIFIED',
  noEmail: 'AUTH_EMAIL_MISSING',
} as const;
