import { Module } from '@nestjs/common';
import { DomainsModule } from '../domains/domains.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { CurrentTenantController } from './current-tenant.controller.js';
import { TenantsController } from './tenants.controller.js';
import { TenantsRepository } from './tenants.repository.js';
import { TenantsService } from './tenants.service.js';

@Module({
  imports: [PlansModule, DomainsModule],
  controllers: [TenantsController, CurrentTenantController],
  providers: [TenantsService, TenantsRepository],
  exports: [TenantsService],
})
export class TenantsModule {}
