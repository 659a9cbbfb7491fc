import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { LoginController } from '../login/login.controller.js';
import { PasswordLoginService } from '../login/password-login.service.js';
import { AccountsController } from './accounts.controller.js';
import { EmailVerificationService } from './email-verification.service.js';
import { PasswordChangeService } from './password-change.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { RegistrationService } from './registration.service.js';

/** Sign-up, password sign-in, email verification and passwords, on tenant hosts. */
@Module({
  imports: [IdentityModule],
  controllers: [AccountsController, LoginController],
  providers: [
    RegistrationService,
    EmailVerificationService,
    PasswordResetService,
    PasswordChangeService,
    PasswordLoginService,
  ],
  exports: [PasswordLoginService, PasswordChangeService, PasswordResetService],
})
export class AccountsModule {}
