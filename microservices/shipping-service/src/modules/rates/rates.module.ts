import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { QuotesService } from './quotes.service.js';
import { QuotesController, RatesController } from './rates.controller.js';
import { RatesRepository } from './rates.repository.js';
import { RatesService } from './rates.service.js';

@Module({
  imports: [AccountsModule],
  controllers: [RatesController, QuotesController],
  providers: [RatesService, RatesRepository, QuotesService],
  exports: [QuotesService],
})
export class RatesModule {}
