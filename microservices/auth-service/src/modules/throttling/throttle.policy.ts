/** How many failures a key may have in a window before it is locked, and for how long. */
export interface ThrottleRule {
  /** Failures allowed in a window; the one that reaches this number starts a lock. */
  freeFailures: number;
  windowMs: number;
  /** First lock; each further failure doubles it, up to `maxLockMs`. */
  baseLockMs: number;
  maxLockMs: number;
}

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/** Milliseconds until the key may try again; 0 when it may now. */
export function lockRemainingMs(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/** True when the window has passed and no lock holds: the failures are forgotten. */
export function windowExpired(state: ThrottleState, now: Date, rule: ThrottleRule): boolean {
  return (
    now.getTime() - state.windowStartedAt.getTime() >= rule.windowMs && lockRemainingMs(state, now) === 0
  );
}

/**
 * The state after one more failure. Locks grow exponentially with the failures past the free
 * ones and never exceed `maxLockMs`, so an attacker can delay the owner, never lock them out
 * for good; after a quiet window everything is forgotten.
 */
export function afterFailure(state: ThrottleState | undefined, now: Date, rule: ThrottleRule): ThrottleState {
  const fresh = !state || windowExpired(state, now, rule);
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  if (failures < rule.freeFailures) return { failures, windowStartedAt, lockedUntil: null };
  const doublings = Math.min(failures - rule.freeFailures, 30);
  const lockMs = Math.min(rule.maxLockMs, rule.baseLockMs * 2 ** doublings);
  return { failures, windowStartedAt, lockedUntil: new Date(now.getTime() + lockMs) };
}

/** True when this failure started the window's first lock: the moment to tell the owner, once. */
export function startedLock(after: ThrottleState, rule: ThrottleRule): boolean {
  return after.failures === rule.freeFailures;
}
