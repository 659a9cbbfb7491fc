/** PostgreSQL SQLSTATE codes the platform reacts to. */
export const PG_ERROR = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  insufficientPrivilege: '42501',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  lockNotAvailable: '55P03',
} as const;

export interface PgErrorInfo {
  code: string;
  message: string;
  constraint?: string;
  detail?: string;
}

/** The PostgreSQL error behind `err`, unwrapping Drizzle's query error; undefined otherwise. */
export function pgError(err: unknown): PgErrorInfo | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (typeof current === 'object' && current !== null) {
      const c = current as {
        code?: unknown;
        message?: unknown;
        constraint?: unknown;
        detail?: unknown;
        cause?: unknown;
      };
      if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) {
        return {
          code: c.code,
          message: typeof c.message === 'string' ? c.message : '',
          constraint: typeof c.constraint === 'string' ? c.constraint : undefined,
          detail: typeof c.detail === 'string' ? c.detail : undefined,
        };
      }
      current = c.cause;
    } else break;
  }
  return undefined;
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = pgError(err);
  return e?.code === PG_ERROR.uniqueViolation && (constraint === undefined || e.constraint === constraint);
}
