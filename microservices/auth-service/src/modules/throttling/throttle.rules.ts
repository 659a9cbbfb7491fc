import type { ThrottleRule } from './throttle.policy.js';

const MINUTE = 60_000;

/**
 * The brute-force rules. Per account and IP a few failures lock quickly; per account (from
 * anywhere) the bar is higher, so an attacker elsewhere slows the owner down only after many
 * failures and only for at most 15 minutes; per IP the bar is the highest (shared NATs).
 */
export const THROTTLE_RULES = {
  loginAccountIp: { freeFailures: 5, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 15 * MINUTE },
  loginAccount: { freeFailures: 20, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 15 * MINUTE },
  loginIp: { freeFailures: 100, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 15 * MINUTE },
  /** Codes sent to one destination (each request counts). */
  otpSend: { freeFailures: 5, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 30 * MINUTE },
  otpSendIp: { freeFailures: 30, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 30 * MINUTE },
  /** Wrong codes for one destination, across its challenges. */
  otpVerify: { freeFailures: 10, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 15 * MINUTE },
  /** Reset links requested for one email (each request counts). */
  resetSend: { freeFailures: 5, windowMs: 60 * MINUTE, baseLockMs: 5 * MINUTE, maxLockMs: 60 * MINUTE },
  resetSendIp: { freeFailures: 30, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 30 * MINUTE },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleRuleName = keyof typeof THROTTLE_RULES;
