import {
  TenantCreatedV1,
  TenantPlanChangedV1,
  TenantReinstatedV1,
  TenantSuspendedV1,
  TenantUpdatedV1,
} from '@haat/contracts';
import { envelope, type EnvelopeContext } from '@haat/messaging';
import type { Plan } from '../plans/dto/plan.dto.js';
import type { TenantRow } from './tenants.schema.js';

// Every tenant event is about the tenant aggregate and carries the tenant's id, even when an
// operator without a tenant of their own made the change.
const on = (t: TenantRow) => ({ aggregateType: 'tenant', aggregateId: t.id, tenantId: t.id });

const facts = (t: TenantRow) => ({
  tenantId: t.id,
  slug: t.slug,
  name: t.name,
  status: t.status,
  planCode: t.planCode,
  defaultCurrency: t.defaultCurrency,
  defaultLocale: t.defaultLocale,
});

export function tenantCreated(ctx: EnvelopeContext, t: TenantRow) {
  return envelope(TenantCreatedV1, ctx, { ...on(t), payload: facts(t) });
}

export function tenantUpdated(ctx: EnvelopeContext, t: TenantRow, changed: string[]) {
  return envelope(TenantUpdatedV1, ctx, { ...on(t), payload: { ...facts(t), changed } });
}

export function tenantSuspended(ctx: EnvelopeContext, t: TenantRow, reason: string) {
  return envelope(TenantSuspendedV1, ctx, { ...on(t), payload: { tenantId: t.id, reason } });
}

export function tenantReinstated(ctx: EnvelopeContext, t: TenantRow) {
  return envelope(TenantReinstatedV1, ctx, { ...on(t), payload: { tenantId: t.id } });
}

export function tenantPlanChanged(ctx: EnvelopeContext, t: TenantRow, fromPlan: string, plan: Plan) {
  return envelope(TenantPlanChangedV1, ctx, {
    ...on(t),
    payload: { tenantId: t.id, fromPlan, toPlan: plan.code, limits: plan.limits },
  });
}
