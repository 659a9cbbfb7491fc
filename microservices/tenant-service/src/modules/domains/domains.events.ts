import { TenantDomainAddedV1, TenantDomainRemovedV1, TenantDomainVerifiedV1 } from '@haat/contracts';
import { envelope, type EnvelopeContext } from '@haat/messaging';
import type { TenantDomainRow } from './domains.schema.js';

// Domain events belong to the tenant aggregate: consumers see one tenant's changes in order.
const on = (d: TenantDomainRow) => ({
  aggregateType: 'tenant',
  aggregateId: d.tenantId,
  tenantId: d.tenantId,
});

export function domainAdded(ctx: EnvelopeContext, d: TenantDomainRow) {
  return envelope(TenantDomainAddedV1, ctx, {
    ...on(d),
    payload: { tenantId: d.tenantId, domainId: d.id, hostname: d.hostname, kind: d.kind },
  });
}

export function domainVerified(ctx: EnvelopeContext, d: TenantDomainRow) {
  return envelope(TenantDomainVerifiedV1, ctx, {
    ...on(d),
    payload: { tenantId: d.tenantId, domainId: d.id, hostname: d.hostname },
  });
}

export function domainRemoved(ctx: EnvelopeContext, d: TenantDomainRow) {
  return envelope(TenantDomainRemovedV1, ctx, {
    ...on(d),
    payload: { tenantId: d.tenantId, domainId: d.id, hostname: d.hostname },
  });
}
