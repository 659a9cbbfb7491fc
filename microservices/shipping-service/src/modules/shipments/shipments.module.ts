import { Module } from '@nestjs/common';
import { InventoryClient } from '../../infrastructure/inventory/inventory.client.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { LabelRenderPool } from '../labels/label-render.pool.js';
import { LabelService } from '../labels/label.service.js';
import { LabelStorage } from '../labels/label.storage.js';
import { RatesModule } from '../rates/rates.module.js';
import { OrderConfirmedConsumer } from './order-confirmed.consumer.js';
import { ShipmentBookingJob } from './shipment-booking.job.js';
import { ShipmentCreationService } from './shipment-creation.service.js';
import { ShipmentTrackingService } from './shipment-tracking.service.js';
import { ShipmentsQueryService } from './shipments-query.service.js';
import { ShipmentsController } from './shipments.controller.js';
import { ShipmentsRepository } from './shipments.repository.js';
import { TrackingPollJob } from './tracking-poll.job.js';
import { WarehouseSelectionService } from './warehouse-selection.service.js';

@Module({
  imports: [AccountsModule, RatesModule],
  controllers: [ShipmentsController],
  providers: [
    ShipmentsRepository,
    ShipmentsQueryService,
    ShipmentCreationService,
    ShipmentTrackingService,
    WarehouseSelectionService,
    InventoryClient,
    OrderConfirmedConsumer,
    ShipmentBookingJob,
    TrackingPollJob,
    LabelRenderPool,
    LabelStorage,
    LabelService,
  ],
  exports: [ShipmentsRepository, ShipmentTrackingService, ShipmentBookingJob, TrackingPollJob],
})
export class ShipmentsModule {}
