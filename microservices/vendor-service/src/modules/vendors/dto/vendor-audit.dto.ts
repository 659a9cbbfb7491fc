import { pageSchema } from '@haat/common';
import { z } from 'zod';
import type { VendorAuditRow } from '../vendor-audit.schema.js';

/** One audited change of a vendor: what, from which status to which, who, when and why. */
export const VendorAuditEntrySchema = z.object({
  id: z.string().uuid(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorUserId: z.string().nullable(),
  actorRoles: z.array(z.string()),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  requestId: z.string(),
  at: z.string().datetime(),
});
export type VendorAuditEntry = z.infer<typeof VendorAuditEntrySchema>;
export const VendorAuditPageSchema = pageSchema(VendorAuditEntrySchema);

export function toAuditEntry(row: VendorAuditRow): VendorAuditEntry {
  return {
    id: row.id,
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    actorUserId: row.actorUserId,
    actorRoles: row.actorRoles,
    reason: row.reason,
    details: row.details,
    requestId: row.requestId,
    at: row.createdAt.toISOString(),
  };
}
