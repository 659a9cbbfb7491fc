import { TenantFeatureToggledV1 } from '@haat/contracts';
import { envelope, type EnvelopeContext } from '@haat/messaging';
import type { TenantFeatureRow } from './features.schema.js';

export function featureToggled(ctx: EnvelopeContext, row: TenantFeatureRow) {
  return envelope(TenantFeatureToggledV1, ctx, {
    aggregateType: 'tenant',
    aggregateId: row.tenantId,
    tenantId: row.tenantId,
    payload: { tenantId: row.tenantId, feature: row.feature, enabled: row.enabled },
  });
}
