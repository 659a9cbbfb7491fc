/** The answer to "may this tenant have `adding` more?". */
export interface LimitDecision {
  allowed: boolean;
  /** The plan's limit; null means unlimited. */
  limit: number | null;
  /** How many more fit before the limit (`limit - current`, never below 0); null when unlimited. */
  remaining: number | null;
}

/** Allowed when `current + adding` stays within `limit`; a null limit allows anything. */
export function decideLimit(limit: number | null, current: number, adding: number): LimitDecision {
  if (limit === null) return { allowed: true, limit: null, remaining: null };
  const remaining = Math.max(0, limit - current);
  return { allowed: adding <= remaining, limit, remaining };
}
