import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, asc, eq, gt } from 'drizzle-orm';
import { type PushSubscriptionRow, pushSubscriptions } from './push-subscriptions.schema.js';

/** The only code touching `push_subscriptions`; every query carries the tenant. */
@Injectable()
export class PushSubscriptionsRepository {
  /** Saves a subscription; the same endpoint again (a re-subscribe, or another user on that browser) takes it over. */
  async upsert(
    db: DbExecutor,
    row: Omit<typeof pushSubscriptions.$inferInsert, 'createdAt'>,
  ): Promise<PushSubscriptionRow> {
    const [saved] = await db
      .insert(pushSubscriptions)
      .values(row)
      .onConflictDoUpdate({
        target: [pushSubscriptions.tenantId, pushSubscriptions.endpoint],
        set: { userId: row.userId, p256dh: row.p256dh, auth: row.auth, userAgent: row.userAgent ?? null },
      })
      .returning();
    return saved as PushSubscriptionRow;
  }

  listForUser(
    db: DbExecutor,
    tenantId: string,
    userId: string,
    limit: number,
    afterId?: string,
  ): Promise<PushSubscriptionRow[]> {
    return db
      .select()
      .from(pushSubscriptions)
      .where(
        and(
          eq(pushSubscriptions.tenantId, tenantId),
          eq(pushSubscriptions.userId, userId),
          afterId === undefined ? undefined : gt(pushSubscriptions.id, afterId),
        ),
      )
      .orderBy(asc(pushSubscriptions.id))
      .limit(limit + 1);
  }

  async find(db: DbExecutor, tenantId: string, id: string): Promise<PushSubscriptionRow | undefined> {
    const [row] = await db
      .select()
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.tenantId, tenantId), eq(pushSubscriptions.id, id)));
    return row;
  }

  /** Deletes one of the user's subscriptions; false when there is none with that id. */
  async deleteForUser(db: DbExecutor, tenantId: string, userId: string, id: string): Promise<boolean> {
    const rows = await db
      .delete(pushSubscriptions)
      .where(
        and(
          eq(pushSubscriptions.tenantId, tenantId),
          eq(pushSubscriptions.userId, userId),
          eq(pushSubscriptions.id, id),
        ),
      )
      .returning({ id: pushSubscriptions.id });
    return rows.length > 0;
  }

  async delete(db: DbExecutor, tenantId: string, id: string): Promise<void> {
    await db
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.tenantId, tenantId), eq(pushSubscriptions.id, id)));
  }
}
