import { Module } from '@nestjs/common';
import { VendorsModule } from '../vendors/vendors.module.js';
import { CommissionResolutionService } from './commission-resolution.service.js';
import { CommissionRulesRepository } from './commission-rules.repository.js';
import { CommissionRulesService } from './commission-rules.service.js';
import { CommissionsController } from './commissions.controller.js';

@Module({
  imports: [VendorsModule],
  controllers: [CommissionsController],
  providers: [CommissionRulesService, CommissionResolutionService, CommissionRulesRepository],
  exports: [CommissionRulesService, CommissionResolutionService],
})
export class CommissionsModule {}
