import { z } from 'zod';
import { defineEvent } from '../define-event.js';

const PlanLimits = z.object({
  products: z.number().int().nonnegative().nullable(),
  vendors: z.number().int().nonnegative().nullable(),
  staff: z.number().int().nonnegative().nullable(),
  ordersPerMonth: z.number().int().nonnegative().nullable(),
});

const TenantFacts = z.object({
  tenantId: z.string().uuid(),
  slug: z.string(),
  name: z.string(),
  status: z.enum(['active', 'suspended']),
  planCode: z.string(),
  defaultCurrency: z.string().length(3),
  defaultLocale: z.string(),
});

export const TenantCreatedV1 = defineEvent('tenant.created.v1', TenantFacts);
export const TenantUpdatedV1 = defineEvent(
  'tenant.updated.v1',
  TenantFacts.extend({ changed: z.array(z.string()) }),
);
export const TenantSuspendedV1 = defineEvent(
  'tenant.suspended.v1',
  z.object({ tenantId: z.string().uuid(), reason: z.string() }),
);
export const TenantReinstatedV1 = defineEvent(
  'tenant.reinstated.v1',
  z.object({ tenantId: z.string().uuid() }),
);
export const TenantPlanChangedV1 = defineEvent(
  'tenant.plan-changed.v1',
  z.object({ tenantId: z.string().uuid(), fromPlan: z.string(), toPlan: z.string(), limits: PlanLimits }),
);
export const TenantFeatureToggledV1 = defineEvent(
  'tenant.feature-toggled.v1',
  z.object({ tenantId: z.string().uuid(), feature: z.string(), enabled: z.boolean() }),
);
export const TenantDomainAddedV1 = defineEvent(
  'tenant.domain-added.v1',
  z.object({
    tenantId: z.string().uuid(),
    domainId: z.string().uuid(),
    hostname: z.string(),
    kind: z.enum(['subdomain', 'custom']),
  }),
);
export const TenantDomainVerifiedV1 = defineEvent(
  'tenant.domain-verified.v1',
  z.object({ tenantId: z.string().uuid(), domainId: z.string().uuid(), hostname: z.string() }),
);
export const TenantDomainRemovedV1 = defineEvent(
  'tenant.domain-removed.v1',
  z.object({ tenantId: z.string().uuid(), domainId: z.string().uuid(), hostname: z.string() }),
);
