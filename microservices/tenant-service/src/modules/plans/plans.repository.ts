import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { asc, eq, gt, sql } from 'drizzle-orm';
import { type NewPlanRow, type PlanRow, plans } from './plans.schema.js';

/** The only code touching the `plans` table. */
@Injectable()
export class PlansRepository {
  async insert(db: DbExecutor, row: NewPlanRow): Promise<PlanRow> {
    const [created] = await db.insert(plans).values(row).returning();
    return created as PlanRow;
  }

  async findByCode(db: DbExecutor, code: string): Promise<PlanRow | undefined> {
    const [row] = await db.select().from(plans).where(eq(plans.code, code));
    return row;
  }

  /** `limit + 1` plans by code after `afterCode`, for keyset pages. */
  list(db: DbExecutor, limit: number, afterCode?: string): Promise<PlanRow[]> {
    return db
      .select()
      .from(plans)
      .where(afterCode === undefined ? undefined : gt(plans.code, afterCode))
      .orderBy(asc(plans.code))
      .limit(limit + 1);
  }

  async update(
    db: DbExecutor,
    code: string,
    patch: Partial<Omit<NewPlanRow, 'code'>>,
  ): Promise<PlanRow | undefined> {
    const [row] = await db
      .update(plans)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(plans.code, code))
      .returning();
    return row;
  }

  async delete(db: DbExecutor, code: string): Promise<boolean> {
    const rows = await db.delete(plans).where(eq(plans.code, code)).returning({ code: plans.code });
    return rows.length > 0;
  }
}
