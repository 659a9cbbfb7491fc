import type { ResolvedTenant } from '@haat/contracts';
import { z } from 'zod';
import type { LimitResource } from '../../modules/limits/dto/check-limit.dto.js';
import type { LimitDecision } from '../../modules/limits/limit.rule.js';

/** proto `-1` stands for a null (unlimited) limit: proto3 scalars cannot be null. */
const UNLIMITED = -1;
const orUnlimited = (n: number | null): number => n ?? UNLIMITED;

export const ResolveHostRequestSchema = z.object({ host: z.string().min(1).max(253) });

const RESOURCE_BY_PROTO_NAME = {
  products: 'products',
  vendors: 'vendors',
  staff: 'staff',
  orders_per_month: 'ordersPerMonth',
} as const satisfies Record<string, LimitResource>;

/** `CheckLimitRequest` as decoded (defaults present): resources under their proto names. */
export const CheckLimitRequestSchema = z.object({
  tenant_id: z.string().uuid(),
  resource: z
    .enum(Object.keys(RESOURCE_BY_PROTO_NAME) as [keyof typeof RESOURCE_BY_PROTO_NAME])
    .transform((r) => RESOURCE_BY_PROTO_NAME[r]),
  current: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  adding: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

/** `haat.tenant.v1.ResolvedTenant`. */
export function toResolvedTenantMessage(t: ResolvedTenant) {
  return {
    tenant_id: t.tenantId,
    slug: t.slug,
    name: t.name,
    status: t.status,
    plan_code: t.plan.code,
    limits: {
      products: orUnlimited(t.plan.limits.products),
      vendors: orUnlimited(t.plan.limits.vendors),
      staff: orUnlimited(t.plan.limits.staff),
      orders_per_month: orUnlimited(t.plan.limits.ordersPerMonth),
    },
    tenant_requests_per_minute: t.plan.rateLimits.tenantRequestsPerMinute,
    domains: t.domains,
    features: t.features,
    default_currency: t.defaultCurrency,
    default_locale: t.defaultLocale,
  };
}

/** `haat.tenant.v1.CheckLimitResponse`. */
export function toCheckLimitResponse(d: LimitDecision) {
  return { allowed: d.allowed, limit: orUnlimited(d.limit), remaining: orUnlimited(d.remaining) };
}
