import { Module } from '@nestjs/common';
import { PushSubscriptionsController } from './push-subscriptions.controller.js';
import { PushSubscriptionsRepository } from './push-subscriptions.repository.js';
import { PushSubscriptionsService } from './push-subscriptions.service.js';

@Module({
  controllers: [PushSubscriptionsController],
  providers: [PushSubscriptionsRepository, PushSubscriptionsService],
  exports: [PushSubscriptionsService],
})
export class PushModule {}
