import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, desc, eq, gt, inArray, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import {
  type CommissionLevel,
  type CommissionRuleRow,
  commissionRules,
  type NewCommissionRuleRow,
} from './commissions.schema.js';

const activeAt = (at: Date): SQL =>
  and(
    lte(commissionRules.effectiveFrom, at),
    or(isNull(commissionRules.effectiveTo), gt(commissionRules.effectiveTo, at)),
  ) as SQL;

/** The only code touching `commission_rules`. */
@Injectable()
export class CommissionRulesRepository {
  async insert(db: DbExecutor, row: NewCommissionRuleRow): Promise<CommissionRuleRow> {
    const [created] = await db.insert(commissionRules).values(row).returning();
    return created as CommissionRuleRow;
  }

  async findById(db: DbExecutor, id: string): Promise<CommissionRuleRow | undefined> {
    const [row] = await db.select().from(commissionRules).where(eq(commissionRules.id, id));
    return row;
  }

  list(
    db: DbExecutor,
    q: {
      level?: CommissionLevel;
      vendorId?: string;
      categoryId?: string;
      tier?: string;
      activeAt?: Date;
      limit: number;
      beforeId?: string;
    },
  ): Promise<CommissionRuleRow[]> {
    return db
      .select()
      .from(commissionRules)
      .where(
        and(
          q.level === undefined ? undefined : eq(commissionRules.level, q.level),
          q.vendorId === undefined ? undefined : eq(commissionRules.vendorId, q.vendorId),
          q.categoryId === undefined ? undefined : eq(commissionRules.categoryId, q.categoryId),
          q.tier === undefined ? undefined : eq(commissionRules.tier, q.tier),
          q.activeAt === undefined ? undefined : activeAt(q.activeAt),
          q.beforeId === undefined ? undefined : lt(commissionRules.id, q.beforeId),
        ),
      )
      .orderBy(desc(commissionRules.id))
      .limit(q.limit + 1);
  }

  /** Every rule effective at `at` that could apply to lines of these vendors, categories, tiers and currencies. */
  candidates(
    db: DbExecutor,
    q: { vendorIds: string[]; categoryIds: string[]; tiers: string[]; currencies: string[]; at: Date },
  ): Promise<CommissionRuleRow[]> {
    const targets = [
      eq(commissionRules.level, 'default'),
      q.vendorIds.length > 0 ? inArray(commissionRules.vendorId, q.vendorIds) : undefined,
      q.categoryIds.length > 0 ? inArray(commissionRules.categoryId, q.categoryIds) : undefined,
      q.tiers.length > 0
        ? and(eq(commissionRules.level, 'tier'), inArray(commissionRules.tier, q.tiers))
        : undefined,
    ];
    return db
      .select()
      .from(commissionRules)
      .where(and(activeAt(q.at), inArray(commissionRules.currency, q.currencies), or(...targets)));
  }

  /** Rules effective at `at` or later that can apply to the vendor: its own, its tier's, categories', defaults. */
  applicableTo(db: DbExecutor, vendor: { id: string; tier: string }, at: Date): Promise<CommissionRuleRow[]> {
    return db
      .select()
      .from(commissionRules)
      .where(
        and(
          or(isNull(commissionRules.effectiveTo), gt(commissionRules.effectiveTo, at)),
          or(
            eq(commissionRules.vendorId, vendor.id),
            and(eq(commissionRules.level, 'tier'), eq(commissionRules.tier, vendor.tier)),
            eq(commissionRules.level, 'category'),
            eq(commissionRules.level, 'default'),
          ),
        ),
      )
      .limit(500);
  }

  /** Ends a rule at `at` when that shortens it (open, or ending later) and falls after its start. */
  async end(db: DbExecutor, id: string, at: Date, by: string | null): Promise<CommissionRuleRow | undefined> {
    const [row] = await db
      .update(commissionRules)
      .set({ effectiveTo: at, endedBy: by })
      .where(
        and(
          eq(commissionRules.id, id),
          lt(commissionRules.effectiveFrom, at),
          or(isNull(commissionRules.effectiveTo), gt(commissionRules.effectiveTo, at)),
        ),
      )
      .returning();
    return row;
  }
}
