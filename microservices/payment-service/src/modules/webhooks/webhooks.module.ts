import { Module } from '@nestjs/common';
import { CallbacksController } from '../callbacks/callbacks.controller.js';
import { CallbacksService } from '../callbacks/callbacks.service.js';
import { IntentsModule } from '../intents/intents.module.js';
import { RefundsModule } from '../refunds/refunds.module.js';
import { WebhookReceiptsRepository } from './webhook-receipts.repository.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  imports: [IntentsModule, RefundsModule],
  controllers: [WebhooksController, CallbacksController],
  providers: [WebhookReceiptsRepository, WebhooksService, CallbacksService],
  exports: [WebhooksService],
})
export class WebhooksModule {}
