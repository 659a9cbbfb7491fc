import { Module } from '@nestjs/common';
import { CourierGateways } from '../../infrastructure/couriers/courier-gateways.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';
import { CourierAccountVault } from './courier-account.vault.js';

@Module({
  controllers: [AccountsController],
  providers: [AccountsService, AccountsRepository, CourierAccountVault, CourierGateways],
  exports: [AccountsService, CourierGateways],
})
export class AccountsModule {}
