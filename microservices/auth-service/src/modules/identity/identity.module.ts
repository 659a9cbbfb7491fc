import { Module } from '@nestjs/common';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AccountLockNotifier } from '../login/account-lock.notifier.js';
import { PasswordHasher } from '../passwords/password.hasher.js';
import { PermissionResolver } from '../roles/permission.resolver.js';
import { RolesRepository } from '../roles/roles.repository.js';
import { RevocationsController } from '../sessions/revocations.controller.js';
import { RevocationsPruneJob } from '../sessions/revocations-prune.job.js';
import { SessionsController } from '../sessions/sessions.controller.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { SignedInResponder } from '../sessions/signed-in.responder.js';
import { ThrottlingModule } from '../throttling/throttling.module.js';
import { TokensModule } from '../tokens/tokens.module.js';

/**
 * The core every sign-in path builds on: accounts and their roles, password hashing, sessions
 * and tokens, throttling. Sign-in features (password, OTP, social), the admin APIs and API
 * tokens import it.
 */
@Module({
  imports: [TokensModule, ThrottlingModule],
  controllers: [SessionsController, RevocationsController],
  providers: [
    AccountsRepository,
    AccountsService,
    RolesRepository,
    PermissionResolver,
    PasswordHasher,
    SessionsRepository,
    SessionsService,
    SignedInResponder,
    AccountLockNotifier,
    RevocationsPruneJob,
  ],
  exports: [
    ThrottlingModule,
    AccountsRepository,
    AccountsService,
    RolesRepository,
    PermissionResolver,
    PasswordHasher,
    SessionsService,
    SignedInResponder,
    AccountLockNotifier,
  ],
})
export class IdentityModule {}
