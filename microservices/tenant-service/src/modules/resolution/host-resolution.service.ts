import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@haat/common';
import type { ResolvedTenant } from '@haat/contracts';
import type { RequestContext } from '@haat/tenant';
import { DomainsService } from '../domains/domains.service.js';
import { normalizeHost } from '../domains/host-name.rules.js';
import { FeaturesService } from '../features/features.service.js';
import { PlansService } from '../plans/plans.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { RESOLUTION_ERRORS } from './resolution.errors.js';

/** Host → tenant, for the gateway: verified domains only, suspended tenants included. */
@Injectable()
export class HostResolutionService {
  constructor(
    private readonly domains: DomainsService,
    private readonly tenants: TenantsService,
    private readonly plans: PlansService,
    private readonly features: FeaturesService,
  ) {}

  /**
   * The tenant behind `rawHost` (any case, with or without port and trailing dot). 404
   * `TENANT_NOT_FOUND` for an unknown or unverified host; a suspended tenant is returned with
   * its status, for the gateway to refuse.
   */
  async resolve(ctx: RequestContext, rawHost: string): Promise<ResolvedTenant> {
    const host = normalizeHost(rawHost);
    if (!host) {
      throw new ValidationError('VALIDATION_FAILED', 'Invalid query: host: not a host name', {
        in: 'query',
        fields: [{ field: 'host', message: 'must be a host name like demo.localhost', code: 'custom' }],
      });
    }
    const tenantId = await this.domains.tenantIdForHost(host);
    if (!tenantId) {
      throw new NotFoundError(RESOLUTION_ERRORS.tenantNotFound, `No tenant answers at ${host}`, { host });
    }
    const tenant = await this.tenants.get(ctx, tenantId);
    const [plan, domains, features] = await Promise.all([
      this.plans.get(ctx, tenant.planCode),
      this.domains.verifiedHostnames(tenant.id),
      this.features.flags(tenant.id),
    ]);
    return {
      tenantId: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      status: tenant.status,
      plan: { code: plan.code, limits: plan.limits, rateLimits: plan.rateLimits },
      domains,
      features,
      defaultCurrency: tenant.defaultCurrency,
      defaultLocale: tenant.defaultLocale,
    };
  }
}
