import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@haat/auth';
import type { Clock } from '@haat/common';
import { VendorClockModule } from './infrastructure/clock/vendor-clock.js';
import { CryptoModule } from './infrastructure/crypto/crypto.module.js';
import { GrpcModule } from './infrastructure/grpc/grpc.module.js';
import { BlocklistModule } from './modules/blocklist/blocklist.module.js';
import { CommissionsModule } from './modules/commissions/commissions.module.js';
import { ComplianceModule } from './modules/compliance/compliance.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';
import { PayoutsModule } from './modules/payouts/payouts.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { VendorReviewsModule } from './modules/reviews/vendor-reviews.module.js';
import { VendorsModule } from './modules/vendors/vendors.module.js';

@Module({})
export class AppModule {
  static forRoot(clock: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AuthModule.forRoot({}),
        VendorClockModule.forRoot(clock),
        CryptoModule,
        VendorsModule,
        BlocklistModule,
        PayoutsModule,
        ComplianceModule,
        VendorReviewsModule,
        CommissionsModule,
        MetricsModule,
        ReportsModule,
        GrpcModule,
      ],
    };
  }
}
