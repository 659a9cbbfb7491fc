/**
 * Joins concurrent calls for one key onto the first call's promise, so a burst of misses on a
 * hot key runs its loader once per process instead of once per request (a cache stampede).
 */
export class SingleFlightCoalescer {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const started = (async () => work())().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }
}
