import { Injectable } from '@nestjs/common';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '@haat/database';
import { type CourierAccountRow, courierAccounts } from './accounts.schema.js';

/** The only code touching `courier_accounts`. */
@Injectable()
export class AccountsRepository {
  /** Inserts or replaces the account of (tenant, vendor, courier); returns the stored row. */
  async upsert(tx: Tx, row: typeof courierAccounts.$inferInsert): Promise<CourierAccountRow> {
    const [saved] = await tx
      .insert(courierAccounts)
      .values(row)
      .onConflictDoUpdate({
        target: [courierAccounts.tenantId, courierAccounts.ownerKey, courierAccounts.courier],
        set: {
          enabled: row.enabled,
          priority: row.priority,
          sealedCredentials: row.sealedCredentials,
          keyId: row.keyId,
          settings: row.settings,
          updatedAt: row.updatedAt,
        },
      })
      .returning();
    return saved as CourierAccountRow;
  }

  async find(tx: Tx, tenantId: string, id: string): Promise<CourierAccountRow | undefined> {
    const [row] = await tx
      .select()
      .from(courierAccounts)
      .where(and(eq(courierAccounts.tenantId, tenantId), eq(courierAccounts.id, id)));
    return row;
  }

  async list(tx: Tx, tenantId: string): Promise<CourierAccountRow[]> {
    return tx
      .select()
      .from(courierAccounts)
      .where(eq(courierAccounts.tenantId, tenantId))
      .orderBy(asc(courierAccounts.createdAt), asc(courierAccounts.id))
      .limit(1000);
  }

  /** Enabled accounts that may ship for the vendor: the vendor's own first (by priority), then the tenant's. */
  async forVendor(tx: Tx, tenantId: string, vendorId: string): Promise<CourierAccountRow[]> {
    return tx
      .select()
      .from(courierAccounts)
      .where(
        and(
          eq(courierAccounts.tenantId, tenantId),
          eq(courierAccounts.enabled, true),
          or(eq(courierAccounts.vendorId, vendorId), isNull(courierAccounts.vendorId)),
        ),
      )
      .orderBy(
        sql`${courierAccounts.vendorId} is null`,
        asc(courierAccounts.priority),
        asc(courierAccounts.id),
      );
  }

  async remove(tx: Tx, tenantId: string, id: string): Promise<boolean> {
    const gone = await tx
      .delete(courierAccounts)
      .where(and(eq(courierAccounts.tenantId, tenantId), eq(courierAccounts.id, id)))
      .returning({ id: courierAccounts.id });
    return gone.length > 0;
  }
}
