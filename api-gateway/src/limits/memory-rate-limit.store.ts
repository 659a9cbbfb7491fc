import { LRUCache } from 'lru-cache';
import type { LimitRule, RateLimitStore, WindowCount } from './rate-limit.types.js';

interface Window {
  count: number;
  endsAt: number;
}

/**
 * Fixed windows in this process (embedded mode). Bounded by an LRU so a flood of distinct IPs
 * cannot grow memory without limit; an evicted window simply starts again.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows: LRUCache<string, Window>;

  constructor(maxKeys = 100_000) {
    this.windows = new LRUCache<string, Window>({ max: maxKeys });
  }

  async hit(rules: readonly LimitRule[]): Promise<WindowCount[]> {
    const now = Date.now();
    return rules.map((rule) => {
      let window = this.windows.get(rule.key);
      if (!window || window.endsAt <= now) {
        window = { count: 0, endsAt: now + rule.windowMs };
        this.windows.set(rule.key, window);
      }
      window.count += 1;
      return { count: window.count, resetInMs: window.endsAt - now };
    });
  }

  async close(): Promise<void> {
    this.windows.clear();
  }
}
