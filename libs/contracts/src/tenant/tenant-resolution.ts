import { z } from 'zod';

/** What the gateway needs to know about the tenant behind a host. */
export const PlanLimitsSchema = z.object({
  products: z.number().int().nonnegative().nullable(),
  vendors: z.number().int().nonnegative().nullable(),
  staff: z.number().int().nonnegative().nullable(),
  ordersPerMonth: z.number().int().nonnegative().nullable(),
});
export type PlanLimits = z.infer<typeof PlanLimitsSchema>;

export const PlanRateLimitsSchema = z.object({
  /** Requests per minute for the whole tenant at the gateway. */
  tenantRequestsPerMinute: z.number().int().positive(),
});

export const ResolvedTenantSchema = z.object({
  tenantId: z.string().uuid(),
  slug: z.string(),
  name: z.string(),
  status: z.enum(['active', 'suspended']),
  plan: z.object({ code: z.string(), limits: PlanLimitsSchema, rateLimits: PlanRateLimitsSchema }),
  /** Verified hostnames of the tenant (for CORS), including its platform subdomain. */
  domains: z.array(z.string()),
  features: z.record(z.string(), z.boolean()),
  defaultCurrency: z.string().length(3),
  defaultLocale: z.string(),
});
export type ResolvedTenant = z.infer<typeof ResolvedTenantSchema>;

/**
 * Internal REST: `GET /internal/v1/tenants/resolve?host=<host>` on tenant-service (signed,
 * platform scope) → 200 ResolvedTenant | 404 TENANT_NOT_FOUND. gRPC: `haat.tenant.v1.TenantDirectory/ResolveHost`
 * (proto `tenant.proto`).
 */
export const ResolveHostQuerySchema = z.object({ host: z.string().min(1).max(253) });
