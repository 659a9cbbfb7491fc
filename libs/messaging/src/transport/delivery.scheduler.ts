/**
 * Runs message handlers with at most `limit` at a time, and the messages of one key (one
 * aggregate) one after another in arrival order, so a consumer sees an order's events in the
 * order they were published while other orders proceed in parallel.
 */
export class DeliveryScheduler {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly tails = new Map<string, Promise<void>>();
  private readonly tasks = new Set<Promise<void>>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`Not a usable concurrency: ${limit}`);
  }

  /** Waits for a free slot, then starts `task` (after the previous task of `key`) without awaiting it. */
  async schedule(key: string | undefined, task: () => Promise<void>): Promise<void> {
    await this.acquire();
    const previous = key === undefined ? undefined : this.tails.get(key);
    const run = (previous ?? Promise.resolve()).then(task).finally(() => this.release());
    const settled = run.catch(() => undefined);
    this.tasks.add(settled);
    void settled.finally(() => this.tasks.delete(settled));
    if (key !== undefined) {
      this.tails.set(key, settled);
      void settled.finally(() => {
        if (this.tails.get(key) === settled) this.tails.delete(key);
      });
    }
  }

  /** Resolves when every started task has finished. */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }

  private acquire(): Promise<void> {
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `running` stays the same.
    if (next) next();
    else this.running--;
  }
}
