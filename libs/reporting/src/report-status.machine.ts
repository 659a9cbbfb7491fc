import { z } from 'zod';

/** Where a report is in its life: requested → rendering → ready | failed. */
export const REPORT_STATUSES = ['requested', 'rendering', 'ready', 'failed'] as const;
export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/**
 * Legal transitions. `rendering → rendering` is a redelivery after a worker died mid-render;
 * `ready` and `failed` are final, which is what makes a repeated delivery a no-op.
 */
const TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  requested: ['rendering'],
  rendering: ['rendering', 'ready', 'failed'],
  ready: [],
  failed: [],
};

export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses a report may move to `to` from (used as the guard of an update). */
export function statusesLeadingTo(to: ReportStatus): ReportStatus[] {
  return REPORT_STATUSES.filter((from) => canTransition(from, to));
}
