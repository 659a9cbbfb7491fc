import type { IncomingHttpHeaders } from 'node:http';
import type { RequestContext } from '@haat/tenant';

/** Who the caller is, as the gateway forwards it (signed) to every service. */
export type Identity = Pick<RequestContext, 'userId' | 'roles' | 'permissions'>;

/** No credentials, or credentials no authenticator recognised. */
export const ANONYMOUS: Identity = Object.freeze({ userId: null, roles: [], permissions: [] });

/**
 * Turns a request's credentials into an identity. Answers `undefined` when the request carries
 * nothing this authenticator understands (the next one is asked); throws an `AppError` (401)
 * when it recognises the credential but refuses it.
 */
export interface Authenticator {
  authenticate(headers: IncomingHttpHeaders): Promise<Identity | undefined> | Identity | undefined;
}

/** Asks each authenticator in turn; the first identity wins, else the caller is anonymous. */
export async function identify(
  authenticators: readonly Authenticator[],
  headers: IncomingHttpHeaders,
): Promise<Identity> {
  for (const authenticator of authenticators) {
    const identity = await authenticator.authenticate(headers);
    if (identity) return identity;
  }
  return ANONYMOUS;
}

/** The token of an `Authorization: Bearer <token>` header, if that is what it holds. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.authorization;
  if (!value) return undefined;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(value);
  return match?.[1];
}
