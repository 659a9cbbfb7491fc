/**
 * A doorbell for a polling loop: `notify()` makes the current or next `wait()` return at once,
 * so a wake-up that arrives while the loop is busy is not lost.
 */
export class WakeSignal {
  private rung = false;
  private waiter: (() => void) | undefined;

  notify(): void {
    this.rung = true;
    this.waiter?.();
  }

  /** Resolves on a notification, after `timeoutMs`, or when `signal` aborts. */
  async wait(timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (!this.rung && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          this.waiter = undefined;
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        this.waiter = done;
        signal.addEventListener('abort', done, { once: true });
      });
    }
    this.rung = false;
  }
}
