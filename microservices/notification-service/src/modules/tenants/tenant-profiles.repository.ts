import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { eq } from 'drizzle-orm';
import { type TenantProfileRow, tenantProfiles } from './tenant-profiles.schema.js';

/** The only code touching `tenant_profiles`. */
@Injectable()
export class TenantProfilesRepository {
  async find(db: DbExecutor, tenantId: string): Promise<TenantProfileRow | undefined> {
    const [row] = await db.select().from(tenantProfiles).where(eq(tenantProfiles.tenantId, tenantId));
    return row;
  }

  async upsert(db: DbExecutor, row: Omit<typeof tenantProfiles.$inferInsert, 'updatedAt'>): Promise<void> {
    await db
      .insert(tenantProfiles)
      .values(row)
      .onConflictDoUpdate({
        target: tenantProfiles.tenantId,
        set: { name: row.name, slug: row.slug, defaultLocale: row.defaultLocale, updatedAt: new Date() },
      });
  }
}
