/** A Pathao access token and what renews it. */
export interface PathaoToken {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms. */
  expiresAt: number;
}

/**
 * Tokens per courier account, in memory: a restart logs in again (Pathao tokens live days).
 * Concurrent callers needing a new token share one request.
 */
export class PathaoTokenCache {
  private readonly tokens = new Map<string, PathaoToken>();
  private readonly inFlight = new Map<string, Promise<PathaoToken>>();

  get(accountId: string): PathaoToken | undefined {
    return this.tokens.get(accountId);
  }

  set(accountId: string, token: PathaoToken): void {
    this.tokens.set(accountId, token);
  }

  /** Forgets the access token (it was refused) but keeps the refresh token. */
  expire(accountId: string): void {
    const t = this.tokens.get(accountId);
    if (t) this.tokens.set(accountId, { ...t, expiresAt: 0 });
  }

  /** Forgets everything about the account (its credentials changed). */
  drop(accountId: string): void {
    this.tokens.delete(accountId);
  }

  /** Runs `renew` once for concurrent callers of one account. */
  async renew(accountId: string, renew: () => Promise<PathaoToken>): Promise<PathaoToken> {
    const running = this.inFlight.get(accountId);
    if (running) return running;
    const p = renew()
      .then((t) => {
        this.tokens.set(accountId, t);
        return t;
      })
      .finally(() => this.inFlight.delete(accountId));
    this.inFlight.set(accountId, p);
    return p;
  }
}
