import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { ShipmentsModule } from '../shipments/shipments.module.js';
import { CourierWebhooksController } from './courier-webhooks.controller.js';
import { CourierWebhooksService } from './courier-webhooks.service.js';

@Module({
  imports: [AccountsModule, ShipmentsModule],
  controllers: [CourierWebhooksController],
  providers: [CourierWebhooksService],
})
export class TrackingModule {}
