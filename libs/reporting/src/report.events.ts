import { z } from 'zod';
import { defineEvent } from '@haat/contracts';

const ReportId = z.string().uuid();
/** A report kind: dotted lowercase names, `tenant.summary`, `sales.daily`. */
export const ReportKindSchema = z
  .string()
  .min(3)
  .max(100)
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'Use a dotted lowercase name such as sales.daily');

/** A user asked for a report; the service's report worker consumes it and renders the PDF. */
export const ReportRequestedV1 = defineEvent(
  'report.requested.v1',
  z.object({
    reportId: ReportId,
    tenantId: z.string().uuid(),
    kind: ReportKindSchema,
    params: z.record(z.string(), z.unknown()),
    requestedBy: z.string().nullable(),
  }),
);

/** The PDF is stored; `url` is the download path under the owning service's API. */
export const ReportReadyV1 = defineEvent(
  'report.ready.v1',
  z.object({
    reportId: ReportId,
    kind: ReportKindSchema,
    url: z.string().min(1),
    bytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
);

/** The report could not be produced; `reason` is safe to show to the requester. */
export const ReportFailedV1 = defineEvent(
  'report.failed.v1',
  z.object({ reportId: ReportId, reason: z.string().min(1).max(1_000) }),
);
