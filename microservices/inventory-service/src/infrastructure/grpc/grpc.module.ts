import { Module } from '@nestjs/common';
import { ReservationsModule } from '../../modules/reservations/reservations.module.js';
import { StockModule } from '../../modules/stock/stock.module.js';
import { InventoryGrpcServer } from './inventory.grpc-server.js';

/** The gRPC face of the service; started by the service definition's `onStarted`. */
@Module({
  imports: [StockModule, ReservationsModule],
  providers: [InventoryGrpcServer],
  exports: [InventoryGrpcServer],
})
export class GrpcModule {}
