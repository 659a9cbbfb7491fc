import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module.js';
import { StockLevelRepository } from '../stock/stock-level.repository.js';
import { ReservationCommandsConsumer } from './reservation-commands.consumer.js';
import { ReservationExpiryJob } from './reservation-expiry.job.js';
import { ReservationBatcher } from './reservation.batcher.js';
import { ReservationSettlement } from './reservation.settlement.js';
import { ReservationWriter } from './reservation.writer.js';
import { ReservationsController } from './reservations.controller.js';
import { ReservationsRepository } from './reservations.repository.js';
import { ReservationsService } from './reservations.service.js';

@Module({
  imports: [StockModule],
  controllers: [ReservationsController],
  providers: [
    ReservationsService,
    ReservationsRepository,
    ReservationWriter,
    ReservationSettlement,
    ReservationBatcher,
    ReservationExpiryJob,
    ReservationCommandsConsumer,
    StockLevelRepository,
  ],
  exports: [ReservationsService, ReservationExpiryJob],
})
export class ReservationsModule {}
