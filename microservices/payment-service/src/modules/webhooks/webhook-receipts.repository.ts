import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '@haat/database';
import type { PaymentMethod } from '@haat/contracts';
import { webhookReceipts } from './webhook-receipts.schema.js';

/** The only code touching `webhook_receipts`. */
@Injectable()
export class WebhookReceiptsRepository {
  async exists(db: DbExecutor, tenantId: string, provider: PaymentMethod, eventId: string): Promise<boolean> {
    const rows = await db
      .select({ eventId: webhookReceipts.eventId })
      .from(webhookReceipts)
      .where(
        and(
          eq(webhookReceipts.tenantId, tenantId),
          eq(webhookReceipts.provider, provider),
          eq(webhookReceipts.eventId, eventId),
        ),
      );
    return rows.length > 0;
  }

  /** Claims an event id; false when it is already there (a concurrent one waits for the first to commit). */
  async claim(
    db: DbExecutor,
    row: {
      tenantId: string;
      provider: PaymentMethod;
      eventId: string;
      intentId: string | null;
      outcome: string;
      receivedAt: Date;
    },
  ): Promise<boolean> {
    const inserted = await db
      .insert(webhookReceipts)
      .values(row)
      .onConflictDoNothing()
      .returning({ eventId: webhookReceipts.eventId });
    return inserted.length > 0;
  }

  async setOutcome(
    db: DbExecutor,
    tenantId: string,
    provider: PaymentMethod,
    eventId: string,
    outcome: string,
  ): Promise<void> {
    await db
      .update(webhookReceipts)
      .set({ outcome })
      .where(
        and(
          eq(webhookReceipts.tenantId, tenantId),
          eq(webhookReceipts.provider, provider),
          eq(webhookReceipts.eventId, eventId),
        ),
      );
  }

  async release(db: DbExecutor, tenantId: string, provider: PaymentMethod, eventId: string): Promise<void> {
    await db
      .delete(webhookReceipts)
      .where(
        and(
          eq(webhookReceipts.tenantId, tenantId),
          eq(webhookReceipts.provider, provider),
          eq(webhookReceipts.eventId, eventId),
        ),
      );
  }
}
