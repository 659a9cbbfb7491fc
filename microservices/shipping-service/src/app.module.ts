import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@haat/auth';
import { IdempotencyModule } from '@haat/idempotency';
import type { ServiceRuntime } from '@haat/service';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { RatesModule } from './modules/rates/rates.module.js';
import { ShippingReportsModule } from './modules/reports/shipping-reports.module.js';
import { ShipmentsModule } from './modules/shipments/shipments.module.js';
import { TrackingModule } from './modules/tracking/tracking.module.js';

@Module({})
export class AppModule {
  static forRuntime(runtime: ServiceRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AuthModule.forRoot({}),
        IdempotencyModule.forRoot({ database: runtime.database, isGlobal: true }),
        AccountsModule,
        RatesModule,
        ShipmentsModule,
        TrackingModule,
        ShippingReportsModule,
      ],
    };
  }
}
