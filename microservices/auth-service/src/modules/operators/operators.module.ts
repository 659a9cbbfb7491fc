import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { OperatorAuthController } from './operator-auth.controller.js';
import { TenantOwnersService } from './tenant-owners.service.js';

@Module({
  imports: [IdentityModule, AccountsModule],
  controllers: [OperatorAuthController],
  providers: [TenantOwnersService],
})
export class OperatorsModule {}
