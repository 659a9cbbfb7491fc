import { Controller, Get } from '@nestjs/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { toStorefrontProfile } from './dto/storefront-profile.dto.js';
import { TenantsService } from './tenants.service.js';

/** `GET /v1/tenant`: the calling host's shop profile, open to every visitor of the storefront. */
@Controller('v1/tenant')
export class CurrentTenantController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  async profile(@Ctx() ctx: RequestContext) {
    const tenant = tenantContext(ctx);
    return toStorefrontProfile(await this.tenants.get(tenant, tenant.tenantId));
  }
}
