import { Injectable } from '@nestjs/common';
import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { DbExecutor } from '@haat/database';
import { type PaymentRefundRow, paymentRefunds, refundChecks } from './refunds.schema.js';

/** The only code touching `payment_refunds` and `refund_checks`. */
@Injectable()
export class RefundsRepository {
  async insert(db: DbExecutor, row: typeof paymentRefunds.$inferInsert): Promise<PaymentRefundRow> {
    const [created] = await db.insert(paymentRefunds).values(row).returning();
    return created as PaymentRefundRow;
  }

  async find(
    db: DbExecutor,
    tenantId: string,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<PaymentRefundRow | undefined> {
    const query = db
      .select()
      .from(paymentRefunds)
      .where(and(eq(paymentRefunds.tenantId, tenantId), eq(paymentRefunds.id, id)));
    const [row] = options.lock ? await query.for('update') : await query;
    return row;
  }

  async findByProviderId(
    db: DbExecutor,
    tenantId: string,
    providerRefundId: string,
  ): Promise<PaymentRefundRow | undefined> {
    const [row] = await db
      .select()
      .from(paymentRefunds)
      .where(
        and(eq(paymentRefunds.tenantId, tenantId), eq(paymentRefunds.providerRefundId, providerRefundId)),
      )
      .for('update');
    return row;
  }

  /** Money already promised back: pending and succeeded refunds of the intent. */
  async reservedMinor(db: DbExecutor, tenantId: string, intentId: string): Promise<bigint> {
    const [row] = await db
      .select({ total: sql<string>`coalesce(sum(${paymentRefunds.amountMinor}), 0)::text` })
      .from(paymentRefunds)
      .where(
        and(
          eq(paymentRefunds.tenantId, tenantId),
          eq(paymentRefunds.intentId, intentId),
          inArray(paymentRefunds.status, ['pending', 'succeeded']),
        ),
      );
    return BigInt(row?.total ?? '0');
  }

  async update(
    db: DbExecutor,
    tenantId: string,
    id: string,
    patch: Partial<typeof paymentRefunds.$inferInsert>,
  ): Promise<PaymentRefundRow | undefined> {
    const [row] = await db
      .update(paymentRefunds)
      .set(patch)
      .where(and(eq(paymentRefunds.tenantId, tenantId), eq(paymentRefunds.id, id)))
      .returning();
    return row;
  }

  listForIntent(
    db: DbExecutor,
    tenantId: string,
    intentId: string,
    limit: number,
    afterId?: string,
  ): Promise<PaymentRefundRow[]> {
    return db
      .select()
      .from(paymentRefunds)
      .where(
        and(
          eq(paymentRefunds.tenantId, tenantId),
          eq(paymentRefunds.intentId, intentId),
          afterId ? gt(paymentRefunds.id, afterId) : undefined,
        ),
      )
      .orderBy(asc(paymentRefunds.id))
      .limit(limit + 1);
  }

  async scheduleCheck(db: DbExecutor, refundId: string, tenantId: string, at: Date): Promise<void> {
    await db
      .insert(refundChecks)
      .values({ refundId, tenantId, nextCheckAt: at })
      .onConflictDoUpdate({
        target: refundChecks.refundId,
        set: { nextCheckAt: at, attempts: sql`${refundChecks.attempts} + 1` },
      });
  }

  async clearCheck(db: DbExecutor, refundId: string): Promise<void> {
    await db.delete(refundChecks).where(eq(refundChecks.refundId, refundId));
  }

  /**
   * Claims up to `limit` due checks (skipping rows another instance holds) and pushes them back
   * by `retryAfterMs`, so a crash mid-check only delays the next one.
   */
  async claimDue(
    db: DbExecutor,
    now: Date,
    limit: number,
    retryAfterMs: number,
  ): Promise<{ refundId: string; tenantId: string; attempts: number }[]> {
    const due = await db
      .select()
      .from(refundChecks)
      .where(lte(refundChecks.nextCheckAt, now))
      .orderBy(asc(refundChecks.nextCheckAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    await db
      .update(refundChecks)
      .set({
        nextCheckAt: new Date(now.getTime() + retryAfterMs),
        attempts: sql`${refundChecks.attempts} + 1`,
      })
      .where(
        inArray(
          refundChecks.refundId,
          due.map((d) => d.refundId),
        ),
      );
    return due.map((d) => ({ refundId: d.refundId, tenantId: d.tenantId, attempts: d.attempts }));
  }
}
