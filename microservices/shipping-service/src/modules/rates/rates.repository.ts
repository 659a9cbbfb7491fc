import { Injectable } from '@nestjs/common';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '@haat/database';
import { type RateRuleRow, rateRules } from './rates.schema.js';

/** The only code touching `rate_rules`. */
@Injectable()
export class RatesRepository {
  async upsert(tx: Tx, row: typeof rateRules.$inferInsert): Promise<RateRuleRow> {
    const { id: _id, tenantId: _t, vendorId: _v, zone: _z, createdAt: _c, ...changes } = row;
    const [saved] = await tx
      .insert(rateRules)
      .values(row)
      .onConflictDoUpdate({
        target: [rateRules.tenantId, rateRules.ownerKey, rateRules.zone],
        set: changes,
      })
      .returning();
    return saved as RateRuleRow;
  }

  async list(tx: Tx, tenantId: string, vendorId?: string): Promise<RateRuleRow[]> {
    return tx
      .select()
      .from(rateRules)
      .where(and(eq(rateRules.tenantId, tenantId), vendorId ? eq(rateRules.vendorId, vendorId) : undefined))
      .orderBy(asc(rateRules.vendorId), asc(rateRules.zone))
      .limit(1000);
  }

  /** The vendor's rule for the zone, else the tenant's. */
  async resolve(
    tx: Tx,
    tenantId: string,
    vendorId: string,
    zone: RateRuleRow['zone'],
  ): Promise<RateRuleRow | undefined> {
    const [row] = await tx
      .select()
      .from(rateRules)
      .where(
        and(
          eq(rateRules.tenantId, tenantId),
          eq(rateRules.zone, zone),
          or(eq(rateRules.vendorId, vendorId), isNull(rateRules.vendorId)),
        ),
      )
      .orderBy(sql`${rateRules.vendorId} is null`)
      .limit(1);
    return row;
  }

  async remove(tx: Tx, tenantId: string, id: string): Promise<boolean> {
    const gone = await tx
      .delete(rateRules)
      .where(and(eq(rateRules.tenantId, tenantId), eq(rateRules.id, id)))
      .returning({ id: rateRules.id });
    return gone.length > 0;
  }
}
