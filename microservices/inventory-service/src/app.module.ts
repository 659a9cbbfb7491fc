import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@haat/auth';
import { IdempotencyModule } from '@haat/idempotency';
import type { ServiceRuntime } from '@haat/service';
import { GrpcModule } from './infrastructure/grpc/grpc.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { ReservationsModule } from './modules/reservations/reservations.module.js';
import { StockModule } from './modules/stock/stock.module.js';
import { WarehousesModule } from './modules/warehouses/warehouses.module.js';

@Module({})
export class AppModule {
  static forRuntime(runtime: ServiceRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AuthModule.forRoot({}),
        IdempotencyModule.forRoot({ database: runtime.database, isGlobal: true }),
        WarehousesModule,
        StockModule,
        ReservationsModule,
        ReportsModule,
        GrpcModule,
      ],
    };
  }
}
