import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { REPORT_STATUSES } from './report-status.machine.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One requested report per row, owned by a tenant (row-level security). A service that serves
 * reports lists this file in its drizzle-kit `schema` so its migrations create the table.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').notNull(),
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind').notNull(),
    /** The validated parameters (the definition's schema output, JSON). */
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull(),
    requestedBy: text('requested_by'),
    /** The storage key of the PDF (`<tenantId>/<reportId>.pdf`), once ready. */
    filePath: text('file_path'),
    bytes: integer('bytes'),
    sha256: text('sha256'),
    /** Why the report failed, in words fit for the requester. */
    error: text('error'),
    /** Deliveries that started rendering it. */
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    completedAt: timestamptz('completed_at'),
  },
  (t) => [
    primaryKey({ name: 'reports_pkey', columns: [t.tenantId, t.id] }),
    index('reports_tenant_created_idx').on(t.tenantId, t.createdAt),
    check(
      'reports_status_check',
      sql`${t.status} in (${sql.raw(REPORT_STATUSES.map((s) => `'${s}'`).join(', '))})`,
    ),
    check(
      'reports_ready_has_file',
      sql`${t.status} <> 'ready' or (${t.filePath} is not null and ${t.bytes} is not null and ${t.sha256} is not null)`,
    ),
    tenantIsolation(),
  ],
).enableRLS();

export type ReportRow = typeof reports.$inferSelect;
export type NewReportRow = typeof reports.$inferInsert;
