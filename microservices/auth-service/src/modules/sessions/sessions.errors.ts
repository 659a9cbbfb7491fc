/** Stable error codes of sessions and refresh tokens. Never rename one. */
export const SESSION_ERRORS = {
  refreshMissing: 'AUTH_REFRESH_TOKEN_MISSING',
  refreshInvalid: 'AUTH_REFRESH_TOKEN_INVALID',
  refreshExpired: 'AUTH_REFRESH_TOKEN_EXPIRED',
  refreshReused: 'AUTH_REFRESH_TOKEN_REUSED',
  sessionRevoked: 'AUTH_SESSION_REVOKED',
  sessionNotFound: 'AUTH_SESSION_NOT_FOUND',
} as const;
