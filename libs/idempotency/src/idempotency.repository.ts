import { Injectable } from '@nestjs/common';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Tx } from '@haat/database';
import { PURGE_SETTING, idempotencyKeys, type IdempotencyKeyRow } from './idempotency.schema.js';

/** Which key: the primary key of `idempotency_keys`. */
export interface IdempotencyScope {
  tenantId: string;
  clientId: string;
  key: string;
}

/** A fresh attempt at running the handler under a key. */
export interface AttemptStart {
  fingerprint: string;
  attemptId: string;
  now: Date;
  expiresAt: Date;
}

/** What a replay sends back. */
export interface StoredResponseRow {
  status: number;
  headers: Record<string, string>;
  /** JSON text, or null when the handler returned nothing. */
  body: string | null;
}

const byScope = (s: IdempotencyScope) =>
  and(
    eq(idempotencyKeys.tenantId, s.tenantId),
    eq(idempotencyKeys.clientId, s.clientId),
    eq(idempotencyKeys.key, s.key),
  );

const restartedAttempt = (a: AttemptStart) => ({
  fingerprint: a.fingerprint,
  status: 'in_progress' as const,
  attemptId: a.attemptId,
  responseStatus: null,
  responseHeaders: null,
  responseBody: null,
  lockedAt: a.now,
  completedAt: null,
  expiresAt: a.expiresAt,
});

/** The only code touching `idempotency_keys`. Every method runs in the caller's tenant transaction. */
@Injectable()
export class IdempotencyRepository {
  /**
   * Claims the key. Concurrent claims wait on the primary key until the first commits, then do
   * nothing: exactly one caller gets `true`.
   */
  async claim(tx: Tx, scope: IdempotencyScope, attempt: AttemptStart): Promise<boolean> {
    const rows = await tx
      .insert(idempotencyKeys)
      .values({ ...scope, ...restartedAttempt(attempt), createdAt: attempt.now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    return rows.length === 1;
  }

  async find(tx: Tx, scope: IdempotencyScope): Promise<IdempotencyKeyRow | undefined> {
    const rows = await tx.select().from(idempotencyKeys).where(byScope(scope));
    return rows[0];
  }

  /** Reuses an expired key for a new request; false when another request got there first. */
  async takeOverExpired(tx: Tx, scope: IdempotencyScope, attempt: AttemptStart): Promise<boolean> {
    const rows = await tx
      .update(idempotencyKeys)
      .set({ ...restartedAttempt(attempt), createdAt: attempt.now })
      .where(and(byScope(scope), lte(idempotencyKeys.expiresAt, attempt.now)))
      .returning({ key: idempotencyKeys.key });
    return rows.length === 1;
  }

  /**
   * Takes over an in-progress key whose attempt `staleAttemptId` started before `staleBefore`
   * (its process presumably died). Conditional on that attempt id, so one retry wins.
   */
  async takeOverStale(
    tx: Tx,
    scope: IdempotencyScope,
    staleAttemptId: string,
    staleBefore: Date,
    attempt: AttemptStart,
  ): Promise<boolean> {
    const rows = await tx
      .update(idempotencyKeys)
      .set(restartedAttempt(attempt))
      .where(
        and(
          byScope(scope),
          eq(idempotencyKeys.status, 'in_progress'),
          eq(idempotencyKeys.attemptId, staleAttemptId),
          eq(idempotencyKeys.fingerprint, attempt.fingerprint),
          lte(idempotencyKeys.lockedAt, staleBefore),
        ),
      )
      .returning({ key: idempotencyKeys.key });
    return rows.length === 1;
  }

  /** Stores the response of `attemptId`; false when the key was taken over meanwhile. */
  async complete(
    tx: Tx,
    scope: IdempotencyScope,
    attemptId: string,
    response: StoredResponseRow,
    now: Date,
  ): Promise<boolean> {
    const rows = await tx
      .update(idempotencyKeys)
      .set({
        status: 'completed',
        responseStatus: response.status,
        responseHeaders: response.headers,
        responseBody: response.body,
        completedAt: now,
      })
      .where(
        and(
          byScope(scope),
          eq(idempotencyKeys.status, 'in_progress'),
          eq(idempotencyKeys.attemptId, attemptId),
        ),
      )
      .returning({ key: idempotencyKeys.key });
    return rows.length === 1;
  }

  /** Forgets the key of a failed attempt so a retry runs again; false when taken over meanwhile. */
  async release(tx: Tx, scope: IdempotencyScope, attemptId: string): Promise<boolean> {
    const rows = await tx
      .delete(idempotencyKeys)
      .where(
        and(
          byScope(scope),
          eq(idempotencyKeys.status, 'in_progress'),
          eq(idempotencyKeys.attemptId, attemptId),
        ),
      )
      .returning({ key: idempotencyKeys.key });
    return rows.length === 1;
  }

  /**
   * Deletes up to `limit` keys of any tenant that expired by the database's clock. Only this
   * transaction sees other tenants' expired rows (the purge policies of the table).
   */
  async purgeExpired(tx: Tx, limit: number): Promise<number> {
    await tx.execute(sql`select set_config(${PURGE_SETTING}, 'on', true)`);
    const t = idempotencyKeys;
    // The outer expiry test is re-checked on a row a takeover revived meanwhile, so it survives.
    // (No FOR UPDATE in the batch: row-level security would demand an UPDATE policy for it.)
    const deleted = await tx.execute(sql`
      delete from ${t} where ${t.expiresAt} < now() and (${t.tenantId}, ${t.clientId}, ${t.key}) in (
        select ${t.tenantId}, ${t.clientId}, ${t.key} from ${t} where ${t.expiresAt} < now() limit ${limit})`);
    return deleted.rowCount ?? 0;
  }
}
