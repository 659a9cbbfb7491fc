import { UnauthorizedError } from '@haat/common';

/** Stable codes of the gateway's authentication answers. */
export const IDENTITY_ERRORS = {
  /** Malformed, unknown, forged or not an access token at all (401). */
  tokenInvalid: 'AUTH_TOKEN_INVALID',
  /** A genuine access token past its `exp` (401): refresh it. */
  tokenExpired: 'AUTH_TOKEN_EXPIRED',
  /** The token's session was signed out or revoked (401). */
  sessionRevoked: 'AUTH_SESSION_REVOKED',
  /** A token of another tenant, or a tenant's token on a platform route and vice versa (401). */
  wrongTenant: 'AUTH_TOKEN_WRONG_TENANT',
  /** auth-service could not be asked (keys, API tokens) (503). */
  serviceUnavailable: 'AUTH_SERVICE_UNAVAILABLE',
  /** The revoked-session list was never loaded since start (503). */
  revocationsUnavailable: 'AUTH_REVOCATIONS_UNAVAILABLE',
} as const;

export function tokenInvalid(message = 'The bearer token is not valid'): UnauthorizedError {
  return new UnauthorizedError(IDENTITY_ERRORS.tokenInvalid, message);
}
