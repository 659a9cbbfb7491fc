import { UnauthorizedError, UnavailableError } from '@haat/common';
import { IDENTITY_ERRORS } from './identity.errors.js';

/** A revoked session and until when its access tokens could still be presented. */
export interface RevokedSession {
  sessionId: string;
  /** Epoch milliseconds; after it every token of the session has expired anyway. */
  validUntil: number;
}

/**
 * The sessions signed out or revoked whose access tokens may still be alive, kept until those
 * tokens expire. Until the list has been loaded once, nobody can tell a revoked session from a
 * live one, so access tokens are refused (503) rather than let through.
 */
export class RevokedSessions {
  private readonly revoked = new Map<string, number>();
  private loaded = false;

  constructor(
    private readonly retryAfterMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.revoked.size;
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Throws 401 `AUTH_SESSION_REVOKED` for a revoked session, 503 before the first load. */
  assertActive(sessionId: string): void {
    if (!this.loaded) {
      throw new UnavailableError(
        IDENTITY_ERRORS.revocationsUnavailable,
        'Signed-in requests cannot be checked yet; retry shortly',
        { retryAfterMs: this.retryAfterMs },
      );
    }
    const until = this.revoked.get(sessionId);
    if (until !== undefined && until > this.now()) {
      throw new UnauthorizedError(IDENTITY_ERRORS.sessionRevoked, 'This session was signed out');
    }
  }

  /** Adds what a poll returned (repeats are harmless) and forgets entries whose tokens expired. */
  merge(sessions: readonly RevokedSession[]): void {
    for (const s of sessions) {
      const known = this.revoked.get(s.sessionId) ?? 0;
      if (s.validUntil > known) this.revoked.set(s.sessionId, s.validUntil);
    }
    const now = this.now();
    for (const [sessionId, until] of this.revoked) if (until <= now) this.revoked.delete(sessionId);
    this.loaded = true;
  }
}
