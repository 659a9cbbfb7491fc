import { randomUUID } from 'node:crypto';
import type { ResolvedTenant } from '@haat/contracts';

/** A tenant as tenant-service resolves it, served at `<slug>.localhost` plus `extraDomains`. */
export function tenantFixture(
  slug: string,
  overrides: Partial<ResolvedTenant> & { extraDomains?: string[] } = {},
): ResolvedTenant {
  const { extraDomains = [], ...rest } = overrides;
  return {
    tenantId: randomUUID(),
    slug,
    name: `${slug} shop`,
    status: 'active',
    plan: {
      code: 'starter',
      limits: { products: 100, vendors: 5, staff: 3, ordersPerMonth: null },
      rateLimits: { tenantRequestsPerMinute: 10_000 },
    },
    domains: [`${slug}.localhost`, ...extraDomains],
    features: {},
    defaultCurrency: 'BDT',
    defaultLocale: 'bn-BD',
    ...rest,
  };
}
