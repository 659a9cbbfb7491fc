import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type Authenticator, type Identity, bearerToken } from './authenticator.js';

/** The bootstrap operator: every permission, no tenant of its own. */
export const OPERATOR_IDENTITY: Identity = Object.freeze({
  userId: 'operator',
  roles: ['operator'],
  permissions: ['*'],
});

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `Authorization: Bearer <HAAT_OPERATOR_TOKEN>` → the operator. The bootstrap credential until
 * auth-service issues JWTs. Both sides are hashed first so the comparison is constant-time
 * whatever the token's length; any other bearer token is left to the next authenticator.
 */
export class OperatorTokenAuthenticator implements Authenticator {
  private readonly expected: Buffer;

  constructor(token: string) {
    this.expected = digest(token);
  }

  authenticate(headers: IncomingHttpHeaders): Identity | undefined {
    const token = bearerToken(headers);
    if (token === undefined) return undefined;
    return timingSafeEqual(digest(token), this.expected) ? OPERATOR_IDENTITY : undefined;
  }
}
