import { setTimeout as sleep } from 'node:timers/promises';
import { PG_ERROR, pgError } from '@haat/database';

const RETRIED = new Set<string>([PG_ERROR.deadlockDetected, PG_ERROR.serializationFailure]);

/** True for a failure the database asks us to simply run again (deadlock victim, serialization). */
export function isRetriableConflict(err: unknown): boolean {
  const code = pgError(err)?.code;
  return code !== undefined && RETRIED.has(code);
}

/**
 * Runs a whole transaction again when PostgreSQL aborted it as a deadlock victim or for a
 * serialization failure: the other transaction went through, so a retry sees its result.
 */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !isRetriableConflict(err)) throw err;
      await sleep(5 * attempt + Math.floor(Math.random() * 10));
    }
  }
}
