import { Injectable } from '@nestjs/common';
import { and, asc, eq } from 'drizzle-orm';
import type { DbExecutor } from '@haat/database';
import type { PaymentMethod } from '@haat/contracts';
import { type ProviderAccountRow, providerAccounts } from './accounts.schema.js';

/** The only code touching `provider_accounts`. */
@Injectable()
export class AccountsRepository {
  async find(
    db: DbExecutor,
    tenantId: string,
    provider: PaymentMethod,
  ): Promise<ProviderAccountRow | undefined> {
    const [row] = await db
      .select()
      .from(providerAccounts)
      .where(and(eq(providerAccounts.tenantId, tenantId), eq(providerAccounts.provider, provider)));
    return row;
  }

  list(db: DbExecutor, tenantId: string): Promise<ProviderAccountRow[]> {
    return db
      .select()
      .from(providerAccounts)
      .where(eq(providerAccounts.tenantId, tenantId))
      .orderBy(asc(providerAccounts.provider));
  }

  async upsert(db: DbExecutor, row: typeof providerAccounts.$inferInsert): Promise<ProviderAccountRow> {
    const [saved] = await db
      .insert(providerAccounts)
      .values(row)
      .onConflictDoUpdate({
        target: [providerAccounts.tenantId, providerAccounts.provider],
        set: {
          mode: row.mode,
          enabled: row.enabled,
          sealedCredentials: row.sealedCredentials,
          keyId: row.keyId,
          updatedAt: row.updatedAt,
        },
      })
      .returning();
    return saved as ProviderAccountRow;
  }

  async remove(db: DbExecutor, tenantId: string, provider: PaymentMethod): Promise<boolean> {
    const rows = await db
      .delete(providerAccounts)
      .where(and(eq(providerAccounts.tenantId, tenantId), eq(providerAccounts.provider, provider)))
      .returning({ provider: providerAccounts.provider });
    return rows.length > 0;
  }
}
