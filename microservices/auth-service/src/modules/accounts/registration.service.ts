import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@haat/database';
import type { EnvelopeContext } from '@haat/messaging';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { AuthServiceConfig } from '../../config/auth-service.config.js';
import { PasswordHasher } from '../passwords/password.hasher.js';
import { assertAcceptablePassword } from '../passwords/password.policy.js';
import { TENANT_SCOPE } from '../roles/role-catalog.js';
import { AccountsService } from './accounts.service.js';
import type { Account } from './dto/account.dto.js';
import type { RegisterInput } from './dto/register.dto.js';

/** A shopper signs up with email and password: a customer account, and a verification email. */
@Injectable()
export class RegistrationService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
    @Inject(SERVICE_CONFIG) private readonly config: AuthServiceConfig,
  ) {}

  async register(ctx: EnvelopeContext, space: string, input: RegisterInput): Promise<Account> {
    assertAcceptablePassword(input.password, {
      minLength: this.config.AUTH_PASSWORD_MIN_LENGTH,
      identifiers: [input.email, input.phone],
    });
    const passwordHash = await this.hasher.hash(input.password);
    return this.database.withTenant(space, async (tx) => {
      const row = await this.accounts.create(
        ctx,
        space,
        {
          email: input.email,
          phone: input.phone ?? null,
          displayName: input.displayName ?? null,
          passwordHash,
          grants: [{ role: 'customer', scope: TENANT_SCOPE }],
          method: 'password',
        },
        tx,
      );
      await this.accounts.requestEmailVerification(ctx, space, row, tx);
      return this.accounts.describe(space, row, tx);
    });
  }
}
