/**
 * Access tokens per tenant and credential set, refreshed before they expire, with one request in
 * flight per key. Keys always start with the tenant id, so one tenant's token is never used for
 * another's calls.
 */
export class TokenCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(
    key: string,
    fetch: (previous: T | undefined) => Promise<{ value: T; ttlMs: number }>,
  ): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.now()) return entry.value;
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = fetch(entry?.value)
      .then(({ value, ttlMs }) => {
        this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  /** Forgets a token the provider refused (expired early, revoked). */
  invalidate(key: string): void {
    this.entries.delete(key);
  }

  /** The last stored value even if stale (to refresh it). */
  peek(key: string): T | undefined {
    return this.entries.get(key)?.value;
  }
}
