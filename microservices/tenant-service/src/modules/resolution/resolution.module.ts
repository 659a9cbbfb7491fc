import { Module } from '@nestjs/common';
import { DomainsModule } from '../domains/domains.module.js';
import { FeaturesModule } from '../features/features.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { HostResolutionController } from './host-resolution.controller.js';
import { HostResolutionService } from './host-resolution.service.js';

@Module({
  imports: [DomainsModule, TenantsModule, PlansModule, FeaturesModule],
  controllers: [HostResolutionController],
  providers: [HostResolutionService],
  exports: [HostResolutionService],
})
export class ResolutionModule {}
