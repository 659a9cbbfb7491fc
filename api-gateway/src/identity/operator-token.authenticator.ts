import { createHash, timingSafeEqual } from 'node:crypto';
import type { Authentication, Authenticator, Identity } from './authenticator.js';

/** The bootstrap operator: every permission, no tenant of its own. */
export const OPERATOR_IDENTITY: Identity = Object.freeze({
  userId: 'operator',
  roles: ['operator'],
  permissions: ['*'],
});

const OPERATOR: Authentication = Object.freeze({ identity: OPERATOR_IDENTITY, tenantId: null });

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `Authorization: Bearer <HAAT_OPERATOR_TOKEN>` → the operator, on platform routes only (like
 * an operator's access token it belongs to no tenant). A bootstrap credential: operators
 * normally sign in through auth-service. Both sides are hashed first so the comparison is
 * constant-time whatever the token's length; any other token is left to the next authenticator.
 */
export class OperatorTokenAuthenticator implements Authenticator {
  private readonly expected: Buffer;

  constructor(token: string) {
    this.expected = digest(token);
  }

  authenticate(token: string): Authentication | undefined {
    return timingSafeEqual(digest(token), this.expected) ? OPERATOR : undefined;
  }
}
