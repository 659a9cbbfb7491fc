import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { RowError } from './import-row.parser.js';
import {
  type ImportErrorRow,
  type ImportRow,
  type ImportStatus,
  productImportErrors,
  productImports,
} from './imports.schema.js';

/** The only code touching `product_imports` and `product_import_errors`. */
@Injectable()
export class ImportsRepository {
  async insert(db: DbExecutor, row: typeof productImports.$inferInsert): Promise<ImportRow> {
    const [created] = await db.insert(productImports).values(row).returning();
    return created as ImportRow;
  }

  async findById(db: DbExecutor, id: string): Promise<ImportRow | undefined> {
    const [row] = await db.select().from(productImports).where(eq(productImports.id, id));
    return row;
  }

  /** Moves the job from one of `from` to `to`, in one statement; undefined when it was elsewhere. */
  async transition(
    db: DbExecutor,
    id: string,
    from: readonly ImportStatus[],
    to: ImportStatus,
    extra: Partial<typeof productImports.$inferInsert> = {},
  ): Promise<ImportRow | undefined> {
    const [row] = await db
      .update(productImports)
      .set({ ...extra, status: to, updatedAt: sql`now()` })
      .where(and(eq(productImports.id, id), inArray(productImports.status, [...from])))
      .returning();
    return row;
  }

  /** Adds one batch's tally and progress. */
  async addProgress(
    db: DbExecutor,
    id: string,
    p: {
      bytesRead: number;
      processed: number;
      created: number;
      updated: number;
      unchanged: number;
      failed: number;
    },
  ): Promise<void> {
    await db
      .update(productImports)
      .set({
        bytesRead: p.bytesRead,
        rowsProcessed: sql`${productImports.rowsProcessed} + ${p.processed}`,
        rowsCreated: sql`${productImports.rowsCreated} + ${p.created}`,
        rowsUpdated: sql`${productImports.rowsUpdated} + ${p.updated}`,
        rowsUnchanged: sql`${productImports.rowsUnchanged} + ${p.unchanged}`,
        rowsFailed: sql`${productImports.rowsFailed} + ${p.failed}`,
        updatedAt: sql`now()`,
      })
      .where(eq(productImports.id, id));
  }

  async addErrors(
    db: DbExecutor,
    tenantId: string,
    importId: string,
    firstSeq: number,
    errors: readonly RowError[],
  ): Promise<void> {
    if (errors.length === 0) return;
    await db.insert(productImportErrors).values(
      errors.map((e, i) => ({
        tenantId,
        importId,
        seq: firstSeq + i,
        line: e.line,
        column: e.column,
        code: e.code,
        message: e.message.slice(0, 500),
        sku: e.sku,
      })),
    );
  }

  async clearErrors(db: DbExecutor, importId: string): Promise<void> {
    await db.delete(productImportErrors).where(eq(productImportErrors.importId, importId));
  }

  /** `limit + 1` errors in file order after `afterSeq`. */
  errors(
    db: DbExecutor,
    importId: string,
    afterSeq: number | undefined,
    limit: number,
  ): Promise<ImportErrorRow[]> {
    return db
      .select()
      .from(productImportErrors)
      .where(
        and(
          eq(productImportErrors.importId, importId),
          afterSeq === undefined ? undefined : gt(productImportErrors.seq, afterSeq),
        ),
      )
      .orderBy(asc(productImportErrors.seq))
      .limit(limit + 1);
  }
}
