import { Module } from '@nestjs/common';
import type { Database } from '@haat/database';
import { IdempotencyModule } from '@haat/idempotency';
import { DATABASE } from '@haat/service';
import { IntentsModule } from '../intents/intents.module.js';
import { RefundStatusJob } from './refund-status.job.js';
import { RefundsController } from './refunds.controller.js';
import { RefundsRepository } from './refunds.repository.js';
import { RefundsService } from './refunds.service.js';

@Module({
  imports: [
    IntentsModule,
    IdempotencyModule.forRootAsync({
      inject: [DATABASE],
      useFactory: (database: Database) => ({ database }),
    }),
  ],
  controllers: [RefundsController],
  providers: [RefundsRepository, RefundsService, RefundStatusJob],
  exports: [RefundsService, RefundStatusJob],
})
export class RefundsModule {}
