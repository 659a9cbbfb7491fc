import { Module } from '@nestjs/common';
import { IntentsRepository } from '../intents/intents.repository.js';
import { FraudController } from './fraud.controller.js';
import { FraudRepository } from './fraud.repository.js';
import { FraudService } from './fraud.service.js';

@Module({
  controllers: [FraudController],
  // Velocity counts read recent intents; the repository is a stateless query object.
  providers: [FraudRepository, FraudService, IntentsRepository],
  exports: [FraudService],
})
export class FraudModule {}
