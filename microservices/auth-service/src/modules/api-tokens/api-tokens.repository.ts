import { Injectable } from '@nestjs/common';
import type { Tx } from '@haat/database';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { type ApiTokenRow, apiTokens } from './api-tokens.schema.js';

/** The only code touching `api_tokens`. */
@Injectable()
export class ApiTokensRepository {
  async insert(tx: Tx, row: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
    const [created] = await tx.insert(apiTokens).values(row).returning();
    return created as ApiTokenRow;
  }

  async find(tx: Tx, space: string, id: string): Promise<ApiTokenRow | undefined> {
    const [row] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tenantId, space), eq(apiTokens.id, id)));
    return row;
  }

  listOwn(tx: Tx, space: string, accountId: string, limit: number, afterId?: string): Promise<ApiTokenRow[]> {
    return tx
      .select()
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.tenantId, space),
          eq(apiTokens.accountId, accountId),
          afterId ? gt(apiTokens.id, afterId) : undefined,
        ),
      )
      .orderBy(asc(apiTokens.id))
      .limit(limit + 1);
  }

  async revoke(
    tx: Tx,
    space: string,
    accountId: string,
    id: string,
    now: Date,
  ): Promise<ApiTokenRow | undefined> {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(
        and(
          eq(apiTokens.tenantId, space),
          eq(apiTokens.accountId, accountId),
          eq(apiTokens.id, id),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning();
    return row;
  }

  async touch(tx: Tx, space: string, id: string, now: Date): Promise<void> {
    await tx
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.tenantId, space), eq(apiTokens.id, id)));
  }
}
