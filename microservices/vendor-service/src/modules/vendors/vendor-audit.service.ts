import { Injectable } from '@nestjs/common';
import { decodeCursor, newId, type Page, toPage } from '@haat/common';
import type { Tx } from '@haat/database';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { type VendorAuditEntry, toAuditEntry } from './dto/vendor-audit.dto.js';
import { VendorAuditRepository } from './vendor-audit.repository.js';

export interface AuditFacts {
  vendorId: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

const AuditCursorSchema = z.object({ id: z.string().uuid() });

/** Writes who changed a vendor, when and why, in the transaction of the change. */
@Injectable()
export class VendorAuditService {
  constructor(private readonly repository: VendorAuditRepository) {}

  async record(ctx: TenantContext, tx: Tx, facts: AuditFacts): Promise<void> {
    await this.repository.insert(tx, {
      id: newId(),
      tenantId: ctx.tenantId,
      vendorId: facts.vendorId,
      action: facts.action,
      fromStatus: facts.fromStatus ?? null,
      toStatus: facts.toStatus ?? null,
      actorUserId: ctx.userId,
      actorRoles: ctx.roles,
      reason: facts.reason ?? null,
      details: facts.details ?? {},
      requestId: ctx.requestId,
    });
  }

  async list(
    tx: Tx,
    vendorId: string,
    query: { limit: number; cursor?: string | undefined },
  ): Promise<Page<VendorAuditEntry>> {
    const before = decodeCursor(query.cursor, AuditCursorSchema);
    const rows = await this.repository.list(tx, vendorId, query.limit, before?.id);
    return toPage(rows, query.limit, (r) => ({ id: r.id }), toAuditEntry);
  }
}
