import { Module } from '@nestjs/common';
import { PayoutsModule } from '../payouts/payouts.module.js';
import { VendorsModule } from '../vendors/vendors.module.js';
import { VendorReviewsController } from './vendor-reviews.controller.js';
import { VendorReviewsService } from './vendor-reviews.service.js';

@Module({
  imports: [VendorsModule, PayoutsModule],
  controllers: [VendorReviewsController],
  providers: [VendorReviewsService],
  exports: [VendorReviewsService],
})
export class VendorReviewsModule {}
