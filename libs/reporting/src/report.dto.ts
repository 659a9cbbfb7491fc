import { z } from 'zod';
import { ReportStatusSchema } from './report-status.machine.js';

/** Body of `POST /v1/reports`. The kind's own schema checks `params` next. */
export const RequestReportBodySchema = z.object({
  kind: z.string().min(1).max(100),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type RequestReportBody = z.input<typeof RequestReportBodySchema>;

/** Answer of `POST /v1/reports` (HTTP 202, `Location: <location>`). */
export const ReportAcceptedSchema = z.object({
  id: z.string().uuid(),
  status: ReportStatusSchema,
  /** Where to poll the report's status. */
  location: z.string(),
});
export type ReportAccepted = z.infer<typeof ReportAcceptedSchema>;

/** Answer of `GET /v1/reports/:id`; `file` is set once the report is ready. */
export const ReportViewSchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  status: ReportStatusSchema,
  params: z.record(z.string(), z.unknown()),
  requestedBy: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  file: z
    .object({
      url: z.string(),
      contentType: z.literal('application/pdf'),
      bytes: z.number().int().positive(),
      sha256: z.string(),
    })
    .nullable(),
});
export type ReportView = z.infer<typeof ReportViewSchema>;
