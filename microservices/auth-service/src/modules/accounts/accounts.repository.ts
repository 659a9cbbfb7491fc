import { Injectable } from '@nestjs/common';
import type { Tx } from '@haat/database';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import {
  type AccountRoleRow,
  type AccountRow,
  accountRoles,
  accounts,
  type OneTimeTokenPurpose,
  type OneTimeTokenRow,
  oneTimeTokens,
} from './accounts.schema.js';

type AccountPatch = Partial<
  Pick<
    AccountRow,
    | 'email'
    | 'emailVerifiedAt'
    | 'phone'
    | 'phoneVerifiedAt'
    | 'passwordHash'
    | 'passwordChangedAt'
    | 'displayName'
    | 'status'
  >
>;

/**
 * The only code touching `accounts`, `account_roles` and `one_time_tokens`. Every call runs in a
 * `withTenant` transaction, so row-level security confines it to one account space; the
 * explicit tenant condition keeps the repository honest on its own.
 */
@Injectable()
export class AccountsRepository {
  async insert(tx: Tx, row: typeof accounts.$inferInsert): Promise<AccountRow> {
    const [created] = await tx.insert(accounts).values(row).returning();
    return created as AccountRow;
  }

  async findById(tx: Tx, space: string, id: string, options: { lock?: boolean } = {}) {
    const q = tx
      .select()
      .from(accounts)
      .where(and(eq(accounts.tenantId, space), eq(accounts.id, id)));
    const [row] = options.lock ? await q.for('update') : await q;
    return row;
  }

  async findByEmail(tx: Tx, space: string, email: string): Promise<AccountRow | undefined> {
    const [row] = await tx
      .select()
      .from(accounts)
      .where(and(eq(accounts.tenantId, space), eq(accounts.email, email)));
    return row;
  }

  async findByPhone(tx: Tx, space: string, phone: string): Promise<AccountRow | undefined> {
    const [row] = await tx
      .select()
      .from(accounts)
      .where(and(eq(accounts.tenantId, space), eq(accounts.phone, phone)));
    return row;
  }

  async update(tx: Tx, space: string, id: string, patch: AccountPatch, now: Date): Promise<AccountRow> {
    const [row] = await tx
      .update(accounts)
      .set({ ...patch, updatedAt: now })
      .where(and(eq(accounts.tenantId, space), eq(accounts.id, id)))
      .returning();
    return row as AccountRow;
  }

  /** `limit + 1` accounts after `afterId`, oldest first; only those holding a grant in `scope` when given. */
  async list(
    tx: Tx,
    space: string,
    options: { limit: number; afterId?: string; scope?: string },
  ): Promise<AccountRow[]> {
    const inScope = options.scope
      ? inArray(
          accounts.id,
          tx
            .select({ id: accountRoles.accountId })
            .from(accountRoles)
            .where(and(eq(accountRoles.tenantId, space), eq(accountRoles.scope, options.scope))),
        )
      : undefined;
    return tx
      .select()
      .from(accounts)
      .where(
        and(
          eq(accounts.tenantId, space),
          options.afterId ? gt(accounts.id, options.afterId) : undefined,
          inScope,
        ),
      )
      .orderBy(asc(accounts.id))
      .limit(options.limit + 1);
  }

  async grantsOf(tx: Tx, space: string, accountIds: readonly string[]): Promise<AccountRoleRow[]> {
    if (accountIds.length === 0) return [];
    return tx
      .select()
      .from(accountRoles)
      .where(and(eq(accountRoles.tenantId, space), inArray(accountRoles.accountId, [...accountIds])))
      .orderBy(asc(accountRoles.role), asc(accountRoles.scope));
  }

  /** Adds a grant; false when the account already held it. */
  async grant(tx: Tx, row: typeof accountRoles.$inferInsert): Promise<boolean> {
    const created = await tx.insert(accountRoles).values(row).onConflictDoNothing().returning();
    return created.length > 0;
  }

  /** Removes grants of the account matching `role` and `scope`; how many were removed. */
  async revokeGrants(
    tx: Tx,
    space: string,
    accountId: string,
    match: { role?: string; scope?: string },
  ): Promise<number> {
    const removed = await tx
      .delete(accountRoles)
      .where(
        and(
          eq(accountRoles.tenantId, space),
          eq(accountRoles.accountId, accountId),
          match.role ? eq(accountRoles.role, match.role) : undefined,
          match.scope ? eq(accountRoles.scope, match.scope) : undefined,
        ),
      )
      .returning();
    return removed.length;
  }

  async countGrantsOfRole(tx: Tx, space: string, role: string): Promise<number> {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(accountRoles)
      .where(and(eq(accountRoles.tenantId, space), eq(accountRoles.role, role)));
    return row?.n ?? 0;
  }

  async insertOneTimeToken(tx: Tx, row: typeof oneTimeTokens.$inferInsert): Promise<void> {
    await tx.insert(oneTimeTokens).values(row);
  }

  /** Marks earlier unused tokens of that purpose used, so only the newest link works. */
  async invalidateOneTimeTokens(
    tx: Tx,
    space: string,
    accountId: string,
    purpose: OneTimeTokenPurpose,
    now: Date,
  ): Promise<void> {
    await tx
      .update(oneTimeTokens)
      .set({ consumedAt: now })
      .where(
        and(
          eq(oneTimeTokens.tenantId, space),
          eq(oneTimeTokens.accountId, accountId),
          eq(oneTimeTokens.purpose, purpose),
          isNull(oneTimeTokens.consumedAt),
        ),
      );
  }

  /** A token that is unused and unexpired, without using it. */
  async findUsableOneTimeToken(
    tx: Tx,
    space: string,
    tokenHash: string,
    purpose: OneTimeTokenPurpose,
    now: Date,
  ): Promise<OneTimeTokenRow | undefined> {
    const [row] = await tx
      .select()
      .from(oneTimeTokens)
      .where(
        and(
          eq(oneTimeTokens.tenantId, space),
          eq(oneTimeTokens.tokenHash, tokenHash),
          eq(oneTimeTokens.purpose, purpose),
          isNull(oneTimeTokens.consumedAt),
          gt(oneTimeTokens.expiresAt, now),
        ),
      );
    return row;
  }

  /**
   * Uses a token once: the conditional update decides between concurrent uses, so exactly one
   * gets the row back. Undefined for unknown, used or expired tokens.
   */
  async consumeOneTimeToken(
    tx: Tx,
    space: string,
    tokenHash: string,
    purpose: OneTimeTokenPurpose,
    now: Date,
  ): Promise<OneTimeTokenRow | undefined> {
    const [row] = await tx
      .update(oneTimeTokens)
      .set({ consumedAt: now })
      .where(
        and(
          eq(oneTimeTokens.tenantId, space),
          eq(oneTimeTokens.tokenHash, tokenHash),
          eq(oneTimeTokens.purpose, purpose),
          isNull(oneTimeTokens.consumedAt),
          gt(oneTimeTokens.expiresAt, now),
        ),
      )
      .returning();
    return row;
  }
}
