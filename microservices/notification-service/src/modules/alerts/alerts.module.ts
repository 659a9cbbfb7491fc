import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { RecipientsModule } from '../recipients/recipients.module.js';
import { LowStockAlertConsumer } from './low-stock-alert.consumer.js';

@Module({ imports: [DeliveriesModule, RecipientsModule], providers: [LowStockAlertConsumer] })
export class AlertsModule {}
