import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, NotFoundError, toPage, type Page } from '@haat/common';
import { type Database, PG_ERROR, pgError } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { type Feature, type ListFeaturesQuery, toFeature } from './dto/feature.dto.js';
import { FEATURE_ERRORS } from './features.errors.js';
import { featureToggled } from './features.events.js';
import { FeaturesRepository } from './features.repository.js';

const FeatureCursorSchema = z.object({ feature: z.string() });

/** Feature toggles per tenant: off unless turned on. */
@Injectable()
export class FeaturesService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: FeaturesRepository,
  ) {}

  async list(ctx: TenantContext, query: ListFeaturesQuery): Promise<Page<Feature>> {
    const after = decodeCursor(query.cursor, FeatureCursorSchema);
    const rows = await this.repository.listForTenant(
      this.database.db,
      ctx.tenantId,
      query.limit,
      after?.feature,
    );
    return toPage(rows, query.limit, (r) => ({ feature: r.feature }), toFeature);
  }

  async get(ctx: TenantContext, feature: string): Promise<Feature> {
    const row = await this.repository.find(this.database.db, ctx.tenantId, feature);
    return row ? toFeature(row) : { feature, enabled: false, updatedAt: null };
  }

  /** Turns a feature on or off; `tenant.feature-toggled.v1` only when the value changes. */
  async set(ctx: TenantContext, feature: string, enabled: boolean): Promise<Feature> {
    try {
      return await this.database.transaction(async (tx) => {
        const changed = await this.repository.setIfChanged(tx, ctx.tenantId, feature, enabled);
        if (changed) {
          await addToOutbox(tx, featureToggled(ctx, changed));
          return toFeature(changed);
        }
        const current = await this.repository.find(tx, ctx.tenantId, feature);
        return current ? toFeature(current) : { feature, enabled, updatedAt: null };
      });
    } catch (err) {
      if (pgError(err)?.code === PG_ERROR.foreignKeyViolation) {
        throw new NotFoundError(FEATURE_ERRORS.tenantNotFound, 'No such tenant', { tenantId: ctx.tenantId });
      }
      throw err;
    }
  }

  /** Every toggle a tenant has set, as the gateway's `features` map. */
  async flags(tenantId: string): Promise<Record<string, boolean>> {
    const rows = await this.repository.allForTenant(this.database.db, tenantId);
    return Object.fromEntries(rows.map((r) => [r.feature, r.enabled]));
  }
}
