import { ForbiddenError, UnauthorizedError } from '@haat/common';

/** Stable error codes of authorization. Never rename one. */
export const AUTH_ERROR = {
  authRequired: 'AUTH_REQUIRED',
  permissionDenied: 'PERMISSION_DENIED',
} as const;

/** 401: the route needs a signed-in user and the request has none. */
export function authRequired(): UnauthorizedError {
  return new UnauthorizedError(AUTH_ERROR.authRequired, 'Sign in to do this');
}

/** 403: the caller lacks the `missing` permissions, named in the message and `details.missing`. */
export function permissionDenied(missing: readonly string[]): ForbiddenError {
  return new ForbiddenError(AUTH_ERROR.permissionDenied, `Missing permission ${missing.join(', ')}`, {
    missing: [...missing],
  });
}
