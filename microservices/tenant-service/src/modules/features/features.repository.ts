import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { type TenantFeatureRow, tenantFeatures } from './features.schema.js';

/** The only code touching `tenant_features`; every query carries the tenant. */
@Injectable()
export class FeaturesRepository {
  listForTenant(
    db: DbExecutor,
    tenantId: string,
    limit: number,
    afterFeature?: string,
  ): Promise<TenantFeatureRow[]> {
    return db
      .select()
      .from(tenantFeatures)
      .where(
        and(
          eq(tenantFeatures.tenantId, tenantId),
          afterFeature === undefined ? undefined : gt(tenantFeatures.feature, afterFeature),
        ),
      )
      .orderBy(asc(tenantFeatures.feature))
      .limit(limit + 1);
  }

  async find(db: DbExecutor, tenantId: string, feature: string): Promise<TenantFeatureRow | undefined> {
    const [row] = await db
      .select()
      .from(tenantFeatures)
      .where(and(eq(tenantFeatures.tenantId, tenantId), eq(tenantFeatures.feature, feature)));
    return row;
  }

  /**
   * Sets a toggle in one statement; returns the row only when it was created or its value
   * changed, so a repeated PUT announces nothing (and two racing PUTs announce one change each).
   */
  async setIfChanged(
    db: DbExecutor,
    tenantId: string,
    feature: string,
    enabled: boolean,
  ): Promise<TenantFeatureRow | undefined> {
    const [row] = await db
      .insert(tenantFeatures)
      .values({ tenantId, feature, enabled })
      .onConflictDoUpdate({
        target: [tenantFeatures.tenantId, tenantFeatures.feature],
        set: { enabled, updatedAt: sql`now()` },
        setWhere: sql`${tenantFeatures.enabled} is distinct from excluded.enabled`,
      })
      .returning();
    return row;
  }

  async allForTenant(db: DbExecutor, tenantId: string): Promise<TenantFeatureRow[]> {
    return db
      .select()
      .from(tenantFeatures)
      .where(eq(tenantFeatures.tenantId, tenantId))
      .orderBy(asc(tenantFeatures.feature));
  }
}
