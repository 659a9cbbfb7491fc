import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, desc, eq, lt } from 'drizzle-orm';
import { type NewVendorAuditRow, type VendorAuditRow, vendorAuditLog } from './vendor-audit.schema.js';

/** The only code touching `vendor_audit_log`: it inserts and reads, never changes a row. */
@Injectable()
export class VendorAuditRepository {
  async insert(db: DbExecutor, row: NewVendorAuditRow): Promise<void> {
    await db.insert(vendorAuditLog).values(row);
  }

  /** `limit + 1` entries of one vendor, newest first, before `beforeId`. */
  list(db: DbExecutor, vendorId: string, limit: number, beforeId?: string): Promise<VendorAuditRow[]> {
    return db
      .select()
      .from(vendorAuditLog)
      .where(
        and(
          eq(vendorAuditLog.vendorId, vendorId),
          beforeId === undefined ? undefined : lt(vendorAuditLog.id, beforeId),
        ),
      )
      .orderBy(desc(vendorAuditLog.id))
      .limit(limit + 1);
  }
}
