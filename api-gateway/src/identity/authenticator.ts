import type { IncomingHttpHeaders } from 'node:http';
import type { RequestContext } from '@haat/tenant';
import { tokenInvalid } from './identity.errors.js';

/** Who the caller is, as the gateway forwards it (signed) to every service. */
export type Identity = Pick<RequestContext, 'userId' | 'roles' | 'permissions' | 'vendorIds' | 'sessionId'>;

/** No credentials. */
export const ANONYMOUS: Identity = Object.freeze({ userId: null, roles: [], permissions: [] });

/** An accepted credential: who it proves, and whose accounts it belongs to. */
export interface Authentication {
  identity: Identity;
  /** The tenant the credential was issued in; `null` for platform credentials (operators). */
  tenantId: string | null;
}

/**
 * Turns a bearer token into an authentication. Answers `undefined` when the token is not of its
 * kind (the next authenticator is asked); throws an `AppError` (401, or 503 when it cannot
 * check right now) when it is, but is refused.
 */
export interface Authenticator {
  authenticate(
    token: string,
    requestId: string,
  ): Promise<Authentication | undefined> | Authentication | undefined;
}

const BEARER_SCHEME = /^bearer(\s|$)/i;
const BEARER = /^Bearer[ ]+([^\s]+)\s*$/i;

/**
 * The token of an `Authorization: Bearer <token>` header; `undefined` without one (other schemes
 * are not ours and are ignored), 401 `AUTH_TOKEN_INVALID` for a malformed Bearer header.
 */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.authorization;
  if (!value || !BEARER_SCHEME.test(value)) return undefined;
  const match = BEARER.exec(value);
  if (!match?.[1]) throw tokenInvalid('The Authorization header must be "Bearer <token>"');
  return match[1];
}

/**
 * Asks each authenticator in turn about the request's bearer token; the first to accept it
 * wins. No token: `null` (anonymous). A token nobody recognises: 401 `AUTH_TOKEN_INVALID` — a
 * client that sent a credential must learn it did not work rather than be served as anonymous.
 */
export async function identify(
  authenticators: readonly Authenticator[],
  headers: IncomingHttpHeaders,
  requestId: string,
): Promise<Authentication | null> {
  const token = bearerToken(headers);
  if (token === undefined) return null;
  for (const authenticator of authenticators) {
    const authentication = await authenticator.authenticate(token, requestId);
    if (authentication) return authentication;
  }
  throw tokenInvalid();
}
