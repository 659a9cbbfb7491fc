import { Module } from '@nestjs/common';
import { AuthModule } from '@haat/auth';
import { GatewaysModule } from './infrastructure/gateways/gateways.module.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { CodModule } from './modules/cod/cod.module.js';
import { FraudModule } from './modules/fraud/fraud.module.js';
import { IntentsModule } from './modules/intents/intents.module.js';
import { RefundsModule } from './modules/refunds/refunds.module.js';
import { PaymentReportsModule } from './modules/reports/payment-reports.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';

@Module({
  imports: [
    AuthModule.forRoot({}),
    GatewaysModule,
    AccountsModule,
    FraudModule,
    IntentsModule,
    RefundsModule,
    WebhooksModule,
    CodModule,
    PaymentReportsModule,
  ],
})
export class AppModule {}
