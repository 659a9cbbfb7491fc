import { Module } from '@nestjs/common';
import { PushModule } from '../push/push.module.js';
import { RecipientsModule } from '../recipients/recipients.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveriesRepository } from './deliveries.repository.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryQueueRepository } from './delivery-queue.repository.js';
import { DeliverySender } from './delivery.sender.js';
import { DeliveryWorker } from './delivery.worker.js';
import { NotificationDispatcher } from './notification.dispatcher.js';
import { SendNotificationController } from './send-notification.controller.js';

@Module({
  imports: [TemplatesModule, RecipientsModule, PushModule, TenantsModule, RulesModule],
  controllers: [DeliveriesController, SendNotificationController],
  providers: [
    DeliveriesRepository,
    DeliveryQueueRepository,
    DeliveriesService,
    NotificationDispatcher,
    DeliverySender,
    DeliveryWorker,
  ],
  exports: [NotificationDispatcher, DeliveryWorker],
})
export class DeliveriesModule {}
