import { Injectable } from '@nestjs/common';
import type { DbExecutor, Tx } from '@haat/database';
import { and, asc, eq, gt, gte, isNull, ne, sql } from 'drizzle-orm';
import {
  knownDevices,
  type RefreshTokenRow,
  refreshTokens,
  type SessionRow,
  sessionRevocations,
  sessions,
} from './sessions.schema.js';

/** The only code touching sessions, refresh tokens, known devices and revocations. */
@Injectable()
export class SessionsRepository {
  async insertSession(tx: Tx, row: typeof sessions.$inferInsert): Promise<SessionRow> {
    const [created] = await tx.insert(sessions).values(row).returning();
    return created as SessionRow;
  }

  async findSession(tx: Tx, space: string, id: string): Promise<SessionRow | undefined> {
    const [row] = await tx
      .select()
      .from(sessions)
      .where(and(eq(sessions.tenantId, space), eq(sessions.id, id)));
    return row;
  }

  /** `limit + 1` live sessions of the account after `afterId`, oldest first. */
  listLive(tx: Tx, space: string, accountId: string, limit: number, afterId?: string): Promise<SessionRow[]> {
    return tx
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.tenantId, space),
          eq(sessions.accountId, accountId),
          isNull(sessions.revokedAt),
          afterId ? gt(sessions.id, afterId) : undefined,
        ),
      )
      .orderBy(asc(sessions.id))
      .limit(limit + 1);
  }

  liveSessions(tx: Tx, space: string, accountId: string): Promise<SessionRow[]> {
    return tx
      .select()
      .from(sessions)
      .where(
        and(eq(sessions.tenantId, space), eq(sessions.accountId, accountId), isNull(sessions.revokedAt)),
      );
  }

  async touchSession(
    tx: Tx,
    space: string,
    id: string,
    seen: { at: Date; ip: string | null; userAgent: string | null },
  ): Promise<void> {
    await tx
      .update(sessions)
      .set({ lastSeenAt: seen.at, ip: seen.ip, userAgent: seen.userAgent })
      .where(and(eq(sessions.tenantId, space), eq(sessions.id, id)));
  }

  /** Ends a live session; undefined when it was already ended (the first revoker announces it). */
  async revokeSession(
    tx: Tx,
    space: string,
    id: string,
    reason: string,
    now: Date,
  ): Promise<SessionRow | undefined> {
    const [row] = await tx
      .update(sessions)
      .set({ revokedAt: now, revokeReason: reason })
      .where(and(eq(sessions.tenantId, space), eq(sessions.id, id), isNull(sessions.revokedAt)))
      .returning();
    if (row) {
      await tx
        .update(refreshTokens)
        .set({ status: 'revoked' })
        .where(
          and(
            eq(refreshTokens.tenantId, space),
            eq(refreshTokens.sessionId, id),
            ne(refreshTokens.status, 'revoked'),
          ),
        );
    }
    return row;
  }

  async insertRefreshToken(tx: Tx, row: typeof refreshTokens.$inferInsert): Promise<void> {
    await tx.insert(refreshTokens).values(row);
  }

  /** The refresh token with this hash, locked: concurrent uses of one token run one at a time. */
  async lockRefreshToken(tx: Tx, space: string, tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const [row] = await tx
      .select()
      .from(refreshTokens)
      .where(and(eq(refreshTokens.tenantId, space), eq(refreshTokens.tokenHash, tokenHash)))
      .for('update');
    return row;
  }

  async markRotated(tx: Tx, space: string, id: string, now: Date): Promise<void> {
    await tx
      .update(refreshTokens)
      .set({ status: 'rotated', rotatedAt: now })
      .where(and(eq(refreshTokens.tenantId, space), eq(refreshTokens.id, id)));
  }

  /**
   * Records that the account used this device now. `known` says whether it had used it
   * before; `otherDevices` how many other devices it has used.
   */
  async touchDevice(
    tx: Tx,
    space: string,
    accountId: string,
    deviceKey: string,
    now: Date,
  ): Promise<{ known: boolean; otherDevices: number }> {
    const device = and(
      eq(knownDevices.tenantId, space),
      eq(knownDevices.accountId, accountId),
      eq(knownDevices.deviceKey, deviceKey),
    );
    const [existing] = await tx.select().from(knownDevices).where(device);
    if (existing) await tx.update(knownDevices).set({ lastSeenAt: now }).where(device);
    else
      await tx
        .insert(knownDevices)
        .values({ tenantId: space, accountId, deviceKey, firstSeenAt: now, lastSeenAt: now })
        .onConflictDoNothing();
    const known = existing !== undefined;
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(knownDevices)
      .where(
        and(
          eq(knownDevices.tenantId, space),
          eq(knownDevices.accountId, accountId),
          ne(knownDevices.deviceKey, deviceKey),
        ),
      );
    return { known, otherDevices: count?.n ?? 0 };
  }

  async insertRevocation(tx: Tx, row: typeof sessionRevocations.$inferInsert): Promise<void> {
    await tx.insert(sessionRevocations).values(row).onConflictDoNothing();
  }

  /** Revocations since `since` whose access tokens may still be valid at `now`. */
  revocationsSince(db: DbExecutor, since: Date, now: Date) {
    return db
      .select()
      .from(sessionRevocations)
      .where(
        and(gte(sessionRevocations.revokedAt, since), gt(sessionRevocations.accessTokensValidUntil, now)),
      )
      .orderBy(asc(sessionRevocations.revokedAt))
      .limit(10_000);
  }
}
