import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, asc, desc, eq, lt } from 'drizzle-orm';
import {
  type CheckRow,
  type DocumentRow,
  type NewCheckRow,
  type NewDocumentRow,
  type SubmissionRow,
  vendorComplianceChecks,
  vendorDocuments,
  vendorSubmissions,
} from './compliance.schema.js';

/** The only code touching submissions, their documents and check results. */
@Injectable()
export class ComplianceRepository {
  async insertSubmission(db: DbExecutor, row: typeof vendorSubmissions.$inferInsert): Promise<SubmissionRow> {
    const [created] = await db.insert(vendorSubmissions).values(row).returning();
    return created as SubmissionRow;
  }

  async insertDocuments(db: DbExecutor, rows: NewDocumentRow[]): Promise<void> {
    if (rows.length > 0) await db.insert(vendorDocuments).values(rows);
  }

  async insertChecks(db: DbExecutor, rows: NewCheckRow[]): Promise<void> {
    if (rows.length > 0) await db.insert(vendorComplianceChecks).values(rows);
  }

  async latestSubmission(db: DbExecutor, vendorId: string): Promise<SubmissionRow | undefined> {
    const [row] = await db
      .select()
      .from(vendorSubmissions)
      .where(eq(vendorSubmissions.vendorId, vendorId))
      .orderBy(desc(vendorSubmissions.number))
      .limit(1);
    return row;
  }

  /** `limit + 1` submissions of a vendor, newest first, below `beforeNumber`. */
  submissions(
    db: DbExecutor,
    vendorId: string,
    limit: number,
    beforeNumber?: number,
  ): Promise<SubmissionRow[]> {
    return db
      .select()
      .from(vendorSubmissions)
      .where(
        and(
          eq(vendorSubmissions.vendorId, vendorId),
          beforeNumber === undefined ? undefined : lt(vendorSubmissions.number, beforeNumber),
        ),
      )
      .orderBy(desc(vendorSubmissions.number))
      .limit(limit + 1);
  }

  documents(db: DbExecutor, submissionId: string): Promise<DocumentRow[]> {
    return db
      .select()
      .from(vendorDocuments)
      .where(eq(vendorDocuments.submissionId, submissionId))
      .orderBy(asc(vendorDocuments.position));
  }

  checks(db: DbExecutor, submissionId: string): Promise<CheckRow[]> {
    return db
      .select()
      .from(vendorComplianceChecks)
      .where(eq(vendorComplianceChecks.submissionId, submissionId));
  }
}
