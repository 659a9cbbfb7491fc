import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, eq } from 'drizzle-orm';
import { type NotificationRuleRow, notificationRules } from './rules.schema.js';

/** The only code touching `notification_rules`; every query carries the tenant. */
@Injectable()
export class RulesRepository {
  async find(db: DbExecutor, tenantId: string, eventType: string): Promise<NotificationRuleRow | undefined> {
    const [row] = await db
      .select()
      .from(notificationRules)
      .where(and(eq(notificationRules.tenantId, tenantId), eq(notificationRules.eventType, eventType)));
    return row;
  }

  list(db: DbExecutor, tenantId: string): Promise<NotificationRuleRow[]> {
    return db.select().from(notificationRules).where(eq(notificationRules.tenantId, tenantId));
  }

  async upsert(db: DbExecutor, row: Omit<typeof notificationRules.$inferInsert, 'updatedAt'>): Promise<void> {
    await db
      .insert(notificationRules)
      .values(row)
      .onConflictDoUpdate({
        target: [notificationRules.tenantId, notificationRules.eventType],
        set: {
          templateKey: row.templateKey,
          channels: row.channels,
          enabled: row.enabled,
          updatedAt: new Date(),
        },
      });
  }

  async delete(db: DbExecutor, tenantId: string, eventType: string): Promise<void> {
    await db
      .delete(notificationRules)
      .where(and(eq(notificationRules.tenantId, tenantId), eq(notificationRules.eventType, eventType)));
  }
}
