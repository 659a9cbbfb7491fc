/** The limits the gateway enforces, named as in the `RateLimit-Policy` header. */
export type LimitPolicy = 'ip' | 'user' | 'tenant' | 'route';

/** One counter to bump for a request: a fixed window of `windowMs` allowing `limit` requests. */
export interface LimitRule {
  policy: LimitPolicy;
  /** Tenant-scoped key (see `@haat/cache` `tenantKey`/`platformKey`), without the store prefix. */
  key: string;
  limit: number;
  windowMs: number;
}

/** A counter after this request: how many requests its window has seen and when it ends. */
export interface WindowCount {
  count: number;
  resetInMs: number;
}

/** Where window counters live: Redis (shared by every gateway) or this process. */
export interface RateLimitStore {
  /** Counts one request against every rule's window, atomically per rule. */
  hit(rules: readonly LimitRule[]): Promise<WindowCount[]>;
  close(): Promise<void>;
}

/** The state of one policy after this request. */
export interface LimitOutcome {
  policy: LimitPolicy;
  limit: number;
  windowMs: number;
  remaining: number;
  resetInMs: number;
  exceeded: boolean;
}
