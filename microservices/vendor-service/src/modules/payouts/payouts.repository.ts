import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, eq, sql } from 'drizzle-orm';
import { type NewPayoutAccountRow, type PayoutAccountRow, vendorPayoutAccounts } from './payouts.schema.js';

/** The only code touching `vendor_payout_accounts`. */
@Injectable()
export class PayoutsRepository {
  async find(db: DbExecutor, vendorId: string): Promise<PayoutAccountRow | undefined> {
    const [row] = await db
      .select()
      .from(vendorPayoutAccounts)
      .where(eq(vendorPayoutAccounts.vendorId, vendorId));
    return row;
  }

  /** Inserts or replaces the vendor's account: unverified, version + 1. */
  async save(db: DbExecutor, row: NewPayoutAccountRow): Promise<PayoutAccountRow> {
    const { vendorId: _v, tenantId: _t, ...changes } = row;
    const [saved] = await db
      .insert(vendorPayoutAccounts)
      .values(row)
      .onConflictDoUpdate({
        target: vendorPayoutAccounts.vendorId,
        set: {
          ...changes,
          version: sql`${vendorPayoutAccounts.version} + 1`,
          verifiedAt: null,
          verifiedBy: null,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    return saved as PayoutAccountRow;
  }

  /** Marks `version` verified, only if it is still the current, unverified one. */
  async markVerified(
    db: DbExecutor,
    vendorId: string,
    version: number,
    by: string | null,
    at: Date,
  ): Promise<PayoutAccountRow | undefined> {
    const [row] = await db
      .update(vendorPayoutAccounts)
      .set({ status: 'verified', verifiedAt: at, verifiedBy: by })
      .where(
        and(
          eq(vendorPayoutAccounts.vendorId, vendorId),
          eq(vendorPayoutAccounts.version, version),
          eq(vendorPayoutAccounts.status, 'pending_verification'),
        ),
      )
      .returning();
    return row;
  }
}
