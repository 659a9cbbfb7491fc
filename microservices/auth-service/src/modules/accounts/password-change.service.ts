import { Inject, Injectable } from '@nestjs/common';
import { type Clock, UnauthorizedError, ValidationError } from '@haat/common';
import { AuthPasswordChangedV1 } from '@haat/contracts';
import type { Database } from '@haat/database';
import { addToOutbox, type EnvelopeContext } from '@haat/messaging';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { AuthServiceConfig } from '../../config/auth-service.config.js';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { authEvent } from '../../infrastructure/auth-event.js';
import type { ClientInfo } from '../../infrastructure/http/client-info.js';
import { PasswordHasher } from '../passwords/password.hasher.js';
import { assertAcceptablePassword } from '../passwords/password.policy.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { ThrottleService } from '../throttling/throttle.service.js';
import { ACCOUNT_ERRORS } from './accounts.errors.js';
import { AccountsRepository } from './accounts.repository.js';
import type { ChangePasswordInput } from './dto/register.dto.js';

/** A signed-in person changes their password, proving the current one; other sessions end. */
@Injectable()
export class PasswordChangeService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: ThrottleService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: AuthServiceConfig,
  ) {}

  async change(
    ctx: EnvelopeContext,
    space: string,
    accountId: string,
    input: ChangePasswordInput,
    from: ClientInfo,
  ): Promise<void> {
    const keys = [{ rule: 'loginAccountIp', key: `account:${accountId}|${from.ip ?? 'unknown'}` }] as const;
    await this.throttle.assertAllowed(space, keys);
    const account = await this.database.withTenant(space, (tx) =>
      this.repository.findById(tx, space, accountId),
    );
    if (!account?.passwordHash) {
      throw new ValidationError(
        ACCOUNT_ERRORS.noPassword,
        'This account has no password yet: use a reset link',
      );
    }
    if (!(await this.hasher.verify(account.passwordHash, input.currentPassword))) {
      await this.throttle.recordFailure(space, keys);
      throw new UnauthorizedError(ACCOUNT_ERRORS.invalidCredentials, 'The current password is wrong');
    }
    assertAcceptablePassword(input.newPassword, {
      minLength: this.config.AUTH_PASSWORD_MIN_LENGTH,
      identifiers: [account.email, account.phone],
      field: 'newPassword',
    });
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.database.withTenant(space, async (tx) => {
      const now = this.clock.now();
      await this.repository.update(tx, space, accountId, { passwordHash, passwordChangedAt: now }, now);
      await this.sessions.revokeAllInTx(ctx, space, accountId, 'password-changed', tx, input.keepSessionId);
      await addToOutbox(
        tx,
        authEvent(AuthPasswordChangedV1, ctx, space, 'account', accountId, { accountId, via: 'change' }),
      );
    });
  }
}
