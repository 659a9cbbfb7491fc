import { Injectable } from '@nestjs/common';
import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbExecutor } from '@haat/database';
import {
  type BlocklistEntryRow,
  type BlocklistKind,
  blocklistEntries,
  fraudSettings,
  type RiskAssessmentRow,
  riskAssessments,
} from './fraud.schema.js';
import type { FraudSettings } from './dto/fraud-settings.dto.js';

type Cursor = { createdAt: Date; id: string };

function before(table: { createdAt: AnyPgColumn; id: AnyPgColumn }, after?: Cursor): SQL | undefined {
  if (!after) return undefined;
  return or(
    lt(table.createdAt, after.createdAt),
    and(eq(table.createdAt, after.createdAt), lt(table.id, after.id)),
  );
}

/** The only code touching the fraud tables. */
@Injectable()
export class FraudRepository {
  async settings(db: DbExecutor, tenantId: string): Promise<FraudSettings | undefined> {
    const [row] = await db.select().from(fraudSettings).where(eq(fraudSettings.tenantId, tenantId));
    return row?.settings;
  }

  async saveSettings(
    db: DbExecutor,
    tenantId: string,
    settings: FraudSettings,
    updatedBy: string | null,
    at: Date,
  ): Promise<void> {
    await db
      .insert(fraudSettings)
      .values({ tenantId, settings, updatedBy, updatedAt: at })
      .onConflictDoUpdate({ target: fraudSettings.tenantId, set: { settings, updatedBy, updatedAt: at } });
  }

  /** Blocklist entries matching any of the given values. */
  hits(
    db: DbExecutor,
    tenantId: string,
    values: { kind: BlocklistKind; value: string }[],
  ): Promise<BlocklistEntryRow[]> {
    if (values.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(blocklistEntries)
      .where(
        and(
          eq(blocklistEntries.tenantId, tenantId),
          or(
            ...values.map((v) => and(eq(blocklistEntries.kind, v.kind), eq(blocklistEntries.value, v.value))),
          ),
        ),
      );
  }

  async addBlock(db: DbExecutor, row: typeof blocklistEntries.$inferInsert): Promise<BlocklistEntryRow> {
    const [created] = await db.insert(blocklistEntries).values(row).returning();
    return created as BlocklistEntryRow;
  }

  async removeBlock(db: DbExecutor, tenantId: string, id: string): Promise<boolean> {
    const rows = await db
      .delete(blocklistEntries)
      .where(and(eq(blocklistEntries.tenantId, tenantId), eq(blocklistEntries.id, id)))
      .returning({ id: blocklistEntries.id });
    return rows.length > 0;
  }

  listBlocks(db: DbExecutor, tenantId: string, limit: number, after?: Cursor): Promise<BlocklistEntryRow[]> {
    return db
      .select()
      .from(blocklistEntries)
      .where(and(eq(blocklistEntries.tenantId, tenantId), before(blocklistEntries, after)))
      .orderBy(desc(blocklistEntries.createdAt), desc(blocklistEntries.id))
      .limit(limit + 1);
  }

  async addAssessment(db: DbExecutor, row: typeof riskAssessments.$inferInsert): Promise<void> {
    await db.insert(riskAssessments).values(row);
  }

  async assessmentOf(
    db: DbExecutor,
    tenantId: string,
    intentId: string,
  ): Promise<RiskAssessmentRow | undefined> {
    const [row] = await db
      .select()
      .from(riskAssessments)
      .where(and(eq(riskAssessments.tenantId, tenantId), eq(riskAssessments.intentId, intentId)));
    return row;
  }

  listAssessments(
    db: DbExecutor,
    tenantId: string,
    filter: { decisions?: RiskAssessmentRow['decision'][] },
    limit: number,
    after?: Cursor,
  ): Promise<RiskAssessmentRow[]> {
    return db
      .select()
      .from(riskAssessments)
      .where(
        and(
          eq(riskAssessments.tenantId, tenantId),
          filter.decisions?.length ? inArray(riskAssessments.decision, filter.decisions) : undefined,
          before(riskAssessments, after),
        ),
      )
      .orderBy(desc(riskAssessments.createdAt), desc(riskAssessments.id))
      .limit(limit + 1);
  }
}
