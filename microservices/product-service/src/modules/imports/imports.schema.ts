import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';

export const IMPORT_STATUSES = ['awaiting_upload', 'queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One CSV import job: who asked, its file, its progress and its tally. */
export const productImports = pgTable(
  'product_imports',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    requestedBy: text('requested_by'),
    /** The requester's roles, kept so the background job applies their vendor scope. */
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    permissions: text('permissions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    fileName: text('file_name'),
    bytesTotal: bigint('bytes_total', { mode: 'number' }),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    rowsProcessed: integer('rows_processed').notNull().default(0),
    rowsCreated: integer('rows_created').notNull().default(0),
    rowsUpdated: integer('rows_updated').notNull().default(0),
    rowsUnchanged: integer('rows_unchanged').notNull().default(0),
    rowsFailed: integer('rows_failed').notNull().default(0),
    /** Why the whole job failed (unreadable file, missing header), for the requester. */
    error: text('error'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    startedAt: timestamptz('started_at'),
    finishedAt: timestamptz('finished_at'),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('product_imports_tenant_created_idx').on(t.tenantId, t.id),
    check(
      'product_imports_status_check',
      sql`${t.status} in ('awaiting_upload', 'queued', 'running', 'completed', 'failed')`,
    ),
    tenantIsolation(),
  ],
).enableRLS();

export type ImportRow = typeof productImports.$inferSelect;

/** One refused CSV row (or cell): the file's line and the column at fault. */
export const productImportErrors = pgTable(
  'product_import_errors',
  {
    tenantId: uuid('tenant_id').notNull(),
    importId: uuid('import_id')
      .notNull()
      .references(() => productImports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    line: integer('line').notNull(),
    column: text('column'),
    code: text('code').notNull(),
    message: text('message').notNull(),
    sku: text('sku'),
  },
  (t) => [
    primaryKey({ name: 'product_import_errors_pkey', columns: [t.tenantId, t.importId, t.seq] }),
    tenantIsolation(),
  ],
).enableRLS();

export type ImportErrorRow = typeof productImportErrors.$inferSelect;
