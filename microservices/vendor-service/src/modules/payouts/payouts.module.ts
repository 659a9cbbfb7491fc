import { Module } from '@nestjs/common';
import { BlocklistModule } from '../blocklist/blocklist.module.js';
import { VendorsModule } from '../vendors/vendors.module.js';
import { PayoutDetailsSealer } from './payout-details.sealer.js';
import { PayoutsController } from './payouts.controller.js';
import { PayoutsRepository } from './payouts.repository.js';
import { PayoutsService } from './payouts.service.js';

@Module({
  imports: [VendorsModule, BlocklistModule],
  controllers: [PayoutsController],
  providers: [PayoutsService, PayoutsRepository, PayoutDetailsSealer],
  exports: [PayoutsService],
})
export class PayoutsModule {}
