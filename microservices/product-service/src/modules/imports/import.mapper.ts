import type { ImportView } from './dto/import.dto.js';
import type { ImportErrorRow, ImportRow } from './imports.schema.js';

export function toImportView(row: ImportRow, errors: readonly ImportErrorRow[]): ImportView {
  const percent =
    row.status === 'completed'
      ? 100
      : row.bytesTotal
        ? Math.min(99, Math.floor((row.bytesRead / row.bytesTotal) * 100))
        : 0;
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    progress: {
      bytesRead: row.bytesRead,
      bytesTotal: row.bytesTotal,
      percent,
      rowsProcessed: row.rowsProcessed,
    },
    rows: {
      created: row.rowsCreated,
      updated: row.rowsUpdated,
      unchanged: row.rowsUnchanged,
      failed: row.rowsFailed,
    },
    error: row.error,
    errors: errors.map((e) => ({
      line: e.line,
      column: e.column,
      code: e.code,
      message: e.message,
      sku: e.sku,
    })),
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
