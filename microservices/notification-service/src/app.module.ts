import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@haat/auth';
import type { Database } from '@haat/database';
import { IdempotencyModule } from '@haat/idempotency';
import type { NotificationSettings } from './config/notification.settings.js';
import { ChannelsModule } from './infrastructure/channels/channels.module.js';
import { AlertsModule } from './modules/alerts/alerts.module.js';
import { DeliveriesModule } from './modules/deliveries/deliveries.module.js';
import { MailboxModule } from './modules/mailbox/mailbox.module.js';
import { OtpModule } from './modules/otp/otp.module.js';
import { PushModule } from './modules/push/push.module.js';
import { RecipientsModule } from './modules/recipients/recipients.module.js';
import { RulesModule } from './modules/rules/rules.module.js';
import { TemplatesModule } from './modules/templates/templates.module.js';
import { TenantsModule } from './modules/tenants/tenants.module.js';

@Module({})
export class AppModule {
  static forRoot(settings: NotificationSettings, database: Database): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AuthModule.forRoot({}),
        IdempotencyModule.forRoot({ database, isGlobal: true }),
        ChannelsModule.forRoot(settings),
        TenantsModule,
        TemplatesModule,
        RulesModule,
        RecipientsModule,
        PushModule,
        DeliveriesModule,
        OtpModule,
        AlertsModule,
        MailboxModule,
      ],
    };
  }
}
