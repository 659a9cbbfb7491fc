import { z } from 'zod';

/** `GET /health/live`: the process is up and serving. */
export const LivenessReportSchema = z.object({ status: z.literal('ok') });
export type LivenessReport = z.infer<typeof LivenessReportSchema>;

/** One readiness check's outcome; `error` says why it failed or that it timed out. */
export const CheckResultSchema = z.object({
  status: z.enum(['ok', 'error']),
  error: z.string().optional(),
  durationMs: z.number().nonnegative(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** `GET /health/ready`: `ok` only when every registered check passed in time. */
export const ReadinessReportSchema = z.object({
  status: z.enum(['ok', 'error']),
  checks: z.record(z.string(), CheckResultSchema),
});
export type ReadinessReport = z.infer<typeof ReadinessReportSchema>;
