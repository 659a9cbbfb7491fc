import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { ApiTokenIntrospectionController, ApiTokensController } from './api-tokens.controller.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { ApiTokensService } from './api-tokens.service.js';

@Module({
  imports: [IdentityModule],
  controllers: [ApiTokensController, ApiTokenIntrospectionController],
  providers: [ApiTokensRepository, ApiTokensService],
})
export class ApiTokensModule {}
