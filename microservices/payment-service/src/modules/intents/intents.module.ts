import { Module } from '@nestjs/common';
import { IdempotencyModule } from '@haat/idempotency';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import { AccountsModule } from '../accounts/accounts.module.js';
import { FraudModule } from '../fraud/fraud.module.js';
import { IntentsController } from './intents.controller.js';
import { IntentsRepository } from './intents.repository.js';
import { IntentsService } from './intents.service.js';
import { PaymentReviewService } from './payment-review.service.js';
import { PaymentSettlementService } from './payment-settlement.service.js';

@Module({
  imports: [
    AccountsModule,
    FraudModule,
    IdempotencyModule.forRootAsync({
      inject: [DATABASE],
      useFactory: (database: Database) => ({ database }),
    }),
  ],
  controllers: [IntentsController],
  providers: [IntentsRepository, PaymentSettlementService, IntentsService, PaymentReviewService],
  exports: [IntentsService, PaymentSettlementService],
})
export class IntentsModule {}
