import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@haat/tenant';
import { PlansService } from '../plans/plans.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import type { CheckLimitInput } from './dto/check-limit.dto.js';
import { decideLimit, type LimitDecision } from './limit.rule.js';

/** Plan limits, asked by the services that own the counts (catalog, vendors, identity, orders). */
@Injectable()
export class LimitsService {
  constructor(
    private readonly tenants: TenantsService,
    private readonly plans: PlansService,
  ) {}

  /** The tenant's plan decides; 404 `TENANT_NOT_FOUND` for a tenant the directory does not know. */
  async check(ctx: RequestContext, tenantId: string, input: CheckLimitInput): Promise<LimitDecision> {
    const tenant = await this.tenants.get(ctx, tenantId);
    const plan = await this.plans.get(ctx, tenant.planCode);
    return decideLimit(plan.limits[input.resource], input.current, input.adding);
  }
}
