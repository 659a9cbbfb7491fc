import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { LimitsController } from './limits.controller.js';
import { LimitsService } from './limits.service.js';

@Module({
  imports: [TenantsModule, PlansModule],
  controllers: [LimitsController],
  providers: [LimitsService],
  exports: [LimitsService],
})
export class LimitsModule {}
