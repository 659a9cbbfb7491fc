import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@haat/database';
import { statusesLeadingTo } from './report-status.machine.js';
import { type NewReportRow, type ReportRow, reports } from './report.schema.js';

const byId = (tenantId: string, id: string) => and(eq(reports.tenantId, tenantId), eq(reports.id, id));

export interface StoredReportFile {
  filePath: string;
  bytes: number;
  sha256: string;
}

/** The only code touching the `reports` table; every query is scoped by tenant (and by RLS). */
export class ReportRepository {
  async insert(tx: Tx, row: NewReportRow): Promise<ReportRow> {
    const [inserted] = await tx.insert(reports).values(row).returning();
    return inserted as ReportRow;
  }

  async find(tx: Tx, tenantId: string, id: string): Promise<ReportRow | undefined> {
    const [row] = await tx.select().from(reports).where(byId(tenantId, id));
    return row;
  }

  /** The row, locked until `tx` ends, so two deliveries cannot both finish one report. */
  async lock(tx: Tx, tenantId: string, id: string): Promise<ReportRow | undefined> {
    const [row] = await tx.select().from(reports).where(byId(tenantId, id)).for('update');
    return row;
  }

  /** Moves a requested (or re-delivered) report to rendering; undefined when it is final or missing. */
  async claimForRendering(tx: Tx, tenantId: string, id: string, now: Date): Promise<ReportRow | undefined> {
    const [row] = await tx
      .update(reports)
      .set({ status: 'rendering', attempts: sql`${reports.attempts} + 1`, updatedAt: now })
      .where(and(byId(tenantId, id), inArray(reports.status, statusesLeadingTo('rendering'))))
      .returning();
    return row;
  }

  async markReady(tx: Tx, tenantId: string, id: string, file: StoredReportFile, now: Date): Promise<void> {
    await tx
      .update(reports)
      .set({ status: 'ready', ...file, error: null, updatedAt: now, completedAt: now })
      .where(and(byId(tenantId, id), inArray(reports.status, statusesLeadingTo('ready'))));
  }

  async markFailed(tx: Tx, tenantId: string, id: string, error: string, now: Date): Promise<void> {
    await tx
      .update(reports)
      .set({ status: 'failed', error, updatedAt: now, completedAt: now })
      .where(and(byId(tenantId, id), inArray(reports.status, statusesLeadingTo('failed'))));
  }
}
