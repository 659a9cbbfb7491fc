import { Module } from '@nestjs/common';
import { AccountContactConsumer } from './account-contact.consumer.js';
import { PreferencesController } from './preferences.controller.js';
import { RecipientsController } from './recipients.controller.js';
import { RecipientsRepository } from './recipients.repository.js';
import { RecipientsService } from './recipients.service.js';

@Module({
  controllers: [PreferencesController, RecipientsController],
  providers: [RecipientsRepository, RecipientsService, AccountContactConsumer],
  exports: [RecipientsService],
})
export class RecipientsModule {}
