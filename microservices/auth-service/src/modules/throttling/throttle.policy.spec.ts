import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  lockRemainingMs,
  startedLock,
  type ThrottleRule,
  type ThrottleState,
} from './throttle.policy.js';

const rule: ThrottleRule = { freeFailures: 3, windowMs: 600_000, baseLockMs: 60_000, maxLockMs: 240_000 };
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function fail(times: number, start = t0, state?: ThrottleState): ThrottleState {
  let s = state;
  for (let i = 0; i < times; i++) s = afterFailure(s, start, rule);
  return s as ThrottleState;
}

describe('the throttle policy', () => {
  it('allows the free failures, then locks for the base time', () => {
    expect(lockRemainingMs(fail(2), t0)).toBe(0);
    const locked = fail(3);
    expect(lockRemainingMs(locked, t0)).toBe(60_000);
    expect(startedLock(locked, rule)).toBe(true);
  });

  it('doubles the lock with each further failure, up to the maximum', () => {
    expect(lockRemainingMs(fail(4), t0)).toBe(120_000);
    expect(lockRemainingMs(fail(5), t0)).toBe(240_000);
    expect(lockRemainingMs(fail(9), t0)).toBe(240_000);
    expect(startedLock(fail(4), rule)).toBe(false);
  });

  it('lifts the lock when it runs out', () => {
    expect(lockRemainingMs(fail(3), at(60_000))).toBe(0);
  });

  it('forgets failures after a quiet window', () => {
    const s = fail(2);
    const later = afterFailure(s, at(600_000), rule);
    expect(later.failures).toBe(1);
    expect(later.lockedUntil).toBeNull();
  });

  it('keeps counting within the window after a lock ran out', () => {
    const s = afterFailure(fail(3), at(61_000), rule);
    expect(s.failures).toBe(4);
    expect(lockRemainingMs(s, at(61_000))).toBe(120_000);
  });
});
