import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@haat/service';
import type { AuthServiceConfig } from '../../config/auth-service.config.js';
import {
  SOCIAL_PROVIDER_REGISTRY,
  socialProvidersFrom,
} from '../../infrastructure/social/social-providers.js';
import { IdentityModule } from '../identity/identity.module.js';
import { SocialLoginService } from './social-login.service.js';
import { SocialController } from './social.controller.js';
import { SocialRepository } from './social.repository.js';

@Module({
  imports: [IdentityModule],
  controllers: [SocialController],
  providers: [
    {
      provide: SOCIAL_PROVIDER_REGISTRY,
      inject: [SERVICE_CONFIG],
      useFactory: (config: AuthServiceConfig) => socialProvidersFrom(config),
    },
    SocialRepository,
    SocialLoginService,
  ],
})
export class SocialModule {}
