import { Module } from '@nestjs/common';
import { MailboxController } from './mailbox.controller.js';
import { MailboxPageController } from './mailbox-page.controller.js';
import { MailboxService } from './mailbox.service.js';

@Module({
  controllers: [MailboxController, MailboxPageController],
  providers: [MailboxService],
})
export class MailboxModule {}
